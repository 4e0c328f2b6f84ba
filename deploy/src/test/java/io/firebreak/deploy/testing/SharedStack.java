package io.firebreak.deploy.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one single-instance stack the single-instance end-to-end suites and the drills run on, in this order (see
 * {@code junit-platform.properties}): {@code IncidentLifecycleE2EIT}, {@code ConsoleBrowserE2EIT},
 * {@code SlackCrashDrillIT}, {@code FaultDrillsIT}, then {@code LauncherStopIT}, which stops it. Each start is PostgreSQL, a broker and four service JVMs, about 40 s of
 * a 2-core CI machine, so starting it once instead of once per suite saves two of them. A suite declares
 * {@code @ExtendWith(SharedStack.class)}; the first to run starts the stack, and a run that selects only some of them
 * (e.g. {@code deploy/drill.sh}) stops it when it ends.
 *
 * <p>Why this order: the Slack suites need a quiet Slack outbox, and the drills' load (≈ 5 commands/s) queues Slack
 * messages faster than notification-service sends them, so they go first; the drills then start from whatever the
 * suites before them stored, which their ledger compares like any other events. The crash drill's two kills of
 * notification-service come less than a minute before the drills' own, so the supervisor relaunches it after its
 * third back-off step (4 s; the drills allow 5).
 *
 * <p>Its settings are what each suite needs: Slack through a {@link SlackStandIn} with the app's signing secret, a
 * 3-second ack timeout (the scenario sees escalation move on), and the consumers' Kafka session timeout for the
 * drills ({@code -Ddrill.consumer.session.timeout.ms}: 10 s unless set, the services' own value; 0 leaves the
 * services' own setting, as {@code deploy/drill.sh} measures).
 *
 * <p>Besides the dev token it knows the console suite's people: a read-only viewer and the platform rotation's three
 * members (which of them is on call depends on the day), each acting as their person in the on-call config.
 */
public final class SharedStack implements BeforeAllCallback {

    /** The consumers' Kafka session timeout for the drills (0: the services' own, 10 s from firebreak-defaults.yml). */
    public static final long SESSION_TIMEOUT_MS = Long.getLong("drill.consumer.session.timeout.ms", 10_000);

    /** A person who may read everything and change nothing (only {@code incidents:read}). */
    public static final String VIEWER_TOKEN = "console-viewer-token";
    /** The platform rotation of notification-service's default on-call config (application.yml). */
    public static final List<String> ROTATION = List.of("avery", "blake", "casey");

    /** Its ports stay below Linux's ephemeral range (32768–60999): a client's outgoing port never holds one. */
    static final int PORT_BASE = 20000;
    static final List<String> CONSUMERS = List.of("notification-service", "statuspage-service", "debrief-service");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    /** The running stack, its Slack stand-in and the process ids it started with. */
    public record Running(TestStack stack, SlackStandIn slack, Map<String, Long> startPids) {
    }

    private static Running running;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SharedStack.class) {
            if (running == null) {
                running = start();
                // whatever the run selected, the stack does not outlive it
                AutoCloseable stopAtTheEnd = SharedStack::stop;
                context.getRoot().getStore(NAMESPACE).put(Running.class, stopAtTheEnd);
            }
        }
    }

    /** The running stack; a suite using it declares {@code @ExtendWith(SharedStack.class)}. */
    public static synchronized Running get() {
        if (running == null) {
            throw new IllegalStateException("No shared stack: the suite needs @ExtendWith(SharedStack.class)");
        }
        return running;
    }

    /** Stops the stack and its stand-in (nothing if not running); a suite after this starts a fresh one. */
    public static synchronized void stop() {
        if (running != null) {
            try {
                running.stack().close();
            } finally {
                running.slack().close();
                running = null;
            }
        }
    }

    /** The token of one of the {@link #ROTATION}'s people: reads incidents and acknowledges their pages. */
    public static String onCallToken(String personId) {
        if (!ROTATION.contains(personId)) {
            throw new IllegalArgumentException(personId + " is not in the platform rotation " + ROTATION);
        }
        return "console-" + personId + "-token";
    }

    /**
     * The services' API tokens. A list set from the environment replaces the one in application.yml as a whole, so
     * the dev token comes first, as the local profile has it (every scope, acting as Local developer).
     */
    static Map<String, String> tokens() {
        Map<String, String> env = new HashMap<>();
        token(env, 0, "dev", TestStack.TOKEN, "local-developer", "Local developer", "incidents:read,incidents:write,"
                + "integrations:ingest,paging:ack,paging:write,debriefs:write,statuspage:write,admin");
        token(env, 1, "viewer", VIEWER_TOKEN, "viewer", "Read-only viewer", "incidents:read");
        for (int i = 0; i < ROTATION.size(); i++) {
            String person = ROTATION.get(i);
            token(env, 2 + i, person, onCallToken(person), person,
                    Character.toUpperCase(person.charAt(0)) + person.substring(1), "incidents:read,paging:ack");
        }
        return env;
    }

    private static void token(Map<String, String> env, int index, String name, String token, String actorId,
            String displayName, String scopes) {
        String prefix = "FIREBREAK_TOKENS_" + index + "_";
        env.put(prefix + "NAME", name);
        env.put(prefix + "TOKEN", token);
        env.put(prefix + "ACTORID", actorId);
        env.put(prefix + "DISPLAYNAME", displayName);
        env.put(prefix + "SCOPES", scopes);
    }

    private static Running start() throws Exception {
        SlackStandIn slack = new SlackStandIn();
        Map<String, String> env = new HashMap<>(Map.of(
                "FIREBREAK_SLACK_BOT_TOKEN", "xoxb-e2e",
                "FIREBREAK_SLACK_API_URL", slack.apiUrl(),
                "FIREBREAK_SLACK_SIGNING_SECRET", SlackStandIn.SIGNING_SECRET,
                "FIREBREAK_ACK_TIMEOUT", "5s"));
        env.putAll(tokens());
        if (SESSION_TIMEOUT_MS > 0) {
            for (String consumer : CONSUMERS) {
                env.put("FIREBREAK_JVM_OPTS_" + consumer.toUpperCase(Locale.ROOT).replace('-', '_'),
                        "-Dspring.kafka.consumer.properties.session.timeout.ms=" + SESSION_TIMEOUT_MS
                                + " -Dspring.kafka.consumer.properties.heartbeat.interval.ms=" + SESSION_TIMEOUT_MS / 3);
            }
        }
        try {
            TestStack stack = TestStack.start(PORT_BASE, env);
            return new Running(stack, slack, Map.copyOf(stack.stack().pids()));
        } catch (Exception e) {
            slack.close();
            throw e;
        }
    }
}
