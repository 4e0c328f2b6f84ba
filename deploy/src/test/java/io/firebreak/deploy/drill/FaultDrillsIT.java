package io.firebreak.deploy.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.deploy.testing.SharedStack;
import io.firebreak.deploy.testing.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault drills against the whole stack as {@code ./firebreak-local} runs it, under steady load through the public
 * API: kill -9 of each service in turn and of the broker (the launcher's supervisor restarts each), then the broker
 * paused with SIGSTOP ({@code -Ddrill.pause.seconds}, 10 s in CI, 30 s from {@code deploy/drill.sh}). After each
 * drill: the time until every projection has caught up, and the event store, the topic and every projection compared
 * by event id. {@code -Ddrill.report=RELIABILITY.md} rewrites the report's table.
 *
 * <p>Runs on the {@link SharedStack} after the single-instance end-to-end suites (then {@code LauncherStopIT} stops it):
 * their incidents are in the store too, and are compared like the drills' own. With Slack configured there, the
 * load's Slack messages queue in notification-service's outbox; nothing here waits for them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.class)
@Order(4)
class FaultDrillsIT {

    static final Duration PAUSE = Duration.ofSeconds(Long.getLong("drill.pause.seconds", 10));
    /**
     * The consumers' Kafka session timeout for the drill (0: the services' own setting, 10 s from service-support's
     * firebreak-defaults.yml), set by the {@link SharedStack}. A killed consumer keeps its partitions until its session
     * expires, so this bounds a projection's recovery; {@code deploy/drill.sh} measures the services' own setting.
     */
    static final long SESSION_TIMEOUT_MS = SharedStack.SESSION_TIMEOUT_MS;
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(150);
    static final List<String> SERVICES = List.of("incident-command", "notification-service", "statuspage-service",
            "debrief-service");
    static final List<String> CONSUMERS = List.of("notification-service", "statuspage-service", "debrief-service");
    private static final Pattern RESTARTED = Pattern.compile(
            "supervisor\\.restarted component=(\\S+) exit=(\\d+) attempt=(\\d+) after=([0-9.]+)s");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<DrillReport.Row> rows = new ArrayList<>();
    private TestStack stack;
    private Ledger ledger;
    private SteadyLoad load;

    @BeforeAll
    void useTheSharedStack() {
        stack = SharedStack.get().stack();
        ledger = new Ledger(stack.stack().jdbcUrl(), stack.stack().kafkaBootstrap());
    }

    @AfterAll
    void stopTheLoad() throws Exception {
        if (load != null) {
            load.close();
        }
    }

    @Test
    @Order(1)
    void underSteadyLoadEveryCrashAndBrokerOutageLosesNothing() throws Exception {
        // the baseline: what the suites before the drills stored (nothing when the drills run alone), all applied
        AtomicReference<List<Ledger.Stored>> before = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            before.set(ledger.store());
            return ledger.caughtUp(before.get());
        });
        Ledger.Findings previous = ledger.compare(before.get(), java.util.Set.of());

        load = new SteadyLoad(stack.url("incident-command"), 3, Duration.ofMillis(600));
        await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted().size() >= 15);

        for (String service : SERVICES) {
            previous = drill("kill -9 " + service, service, false, previous);
        }
        previous = drill("kill -9 Kafka broker", "kafka", false, previous);
        drill("Kafka broker paused (SIGSTOP) for " + PAUSE.toSeconds() + " s", "kafka", true, previous);

        load.close();
        AtomicReference<List<Ledger.Stored>> all = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            all.set(ledger.store());
            return ledger.caughtUp(all.get());
        });
        Ledger.Findings end = ledger.compare(all.get(), load.accepted());
        Map<String, Long> deadLetters = ledger.deadLetters();
        long healthDeadLetters = healthDeadLetters();
        DrillReport.write(rows, end, load, deadLetters, healthDeadLetters, PAUSE, SESSION_TIMEOUT_MS);

        assertThat(end.acceptedNotStored()).as("2xx answers whose event is not in the event store").isZero();
        assertThat(end.lostOnTopic()).as("stored events missing on the topic").isZero();
        assertThat(end.lostInProjection()).as("stored events a projection has not processed")
                .allSatisfy((projection, missing) -> assertThat(missing).as(projection).isZero());
        assertThat(end.gaps()).as("sequence gaps per incident (store and topic)").isZero();
        assertThat(deadLetters.values().stream().mapToLong(Long::longValue).sum()).as("dead letters " + deadLetters)
                .isZero();
        assertThat(healthDeadLetters).as("deadLetters in health").isZero();
        assertThat(load.incidents()).hasSizeGreaterThan(5);
    }

    private Ledger.Findings drill(String fault, String component, boolean pause, Ledger.Findings before)
            throws Exception {
        long deadLettersBefore = sum(ledger.deadLetters());
        long pidBefore = stack.stack().pids().get(component);
        int acceptedBefore = load.accepted().size();
        long faultAt = System.nanoTime();
        if (pause) {
            stack.signal(component, "STOP");
            await().pollDelay(PAUSE).atMost(PAUSE.plusSeconds(5)).until(() -> true);
            stack.signal(component, "CONT");
        } else {
            stack.stack().kill(component);
        }
        long returnedAt = System.nanoTime();
        AtomicReference<List<Ledger.Stored>> snapshot = new AtomicReference<>();
        await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            if (!pause && stack.stack().pids().get(component) == pidBefore) {
                return false;
            }
            if (!component.equals("kafka") && !healthy(component)) {
                return false;
            }
            if (!load.acceptedSince(returnedAt)) {
                return false;
            }
            snapshot.set(ledger.store());
            return ledger.caughtUp(snapshot.get());
        });
        long recoveredAt = System.nanoTime();
        Double restartAfter = null;
        if (!pause) {
            restartAfter = assertRestartedBySupervisor(component);
        }
        Ledger.Findings now = ledger.compare(snapshot.get(), java.util.Set.of());
        long deadLetters = sum(ledger.deadLetters()) - deadLettersBefore;
        DrillReport.Row row = new DrillReport.Row(fault, Duration.ofNanos(recoveredAt - faultAt),
                Duration.ofNanos(recoveredAt - returnedAt), restartAfter, now.lost() - before.lost(),
                now.duplicatedOnTopic() - before.duplicatedOnTopic(), now.gaps() - before.gaps(), deadLetters,
                load.accepted().size() - acceptedBefore);
        rows.add(row);
        System.out.println("DRILL " + row);
        assertThat(now.lost()).as(fault + ": lost " + now).isZero();
        assertThat(now.gaps()).as(fault + ": gaps " + now).isZero();
        assertThat(deadLetters).as(fault + ": dead letters").isZero();
        return now;
    }

    /** The supervisor restarted the component within 5 s of its crash, and said so in the progress output and its log. */
    private double assertRestartedBySupervisor(String component) throws Exception {
        String log = stack.supervisorLog();
        Matcher matcher = RESTARTED.matcher(log);
        Double after = null;
        while (matcher.find()) {
            if (matcher.group(1).equals(component)) {
                assertThat(matcher.group(2)).as("exit code of a SIGKILLed process").isEqualTo("137");
                after = Double.parseDouble(matcher.group(4));
            }
        }
        assertThat(after).as("supervisor.restarted line for " + component + " in " + log).isNotNull();
        assertThat(after).as("seconds from the crash to the restart of " + component).isLessThanOrEqualTo(5.0);
        assertThat(stack.progress()).contains("supervisor.restarted component=" + component + " exit=137");
        return after;
    }

    private boolean healthy(String service) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.url(service)
                + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"UP\"");
    }

    /** The {@code deadLetters} count each consumer reports in its health (since its last start). */
    private long healthDeadLetters() throws Exception {
        long total = 0;
        Pattern count = Pattern.compile("\"deadLetters\"\\s*:\\s*\\{[^}]*?\"count\"\\s*:\\s*(\\d+)");
        for (String service : CONSUMERS) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.url(service)
                    + "/actuator/health")).header("Authorization", "Bearer " + TestStack.TOKEN)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = count.matcher(response.body());
            assertThat(matcher.find()).as("deadLetters in the health of " + service + ": " + response.body()).isTrue();
            total += Long.parseLong(matcher.group(1));
        }
        return total;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    static Path root() {
        return Path.of(System.getProperty("firebreak.root", "..")).toAbsolutePath().normalize();
    }
}
