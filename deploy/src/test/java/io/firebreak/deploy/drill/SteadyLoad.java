package io.firebreak.deploy.drill;

import io.firebreak.deploy.testing.TestStack;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A few commands a second through the public API, each worker walking incidents through their life (declare, notes,
 * status, an update, severity, resolve). What the write side answered is kept: a 2xx is <em>accepted</em> (its
 * incident and version must be in the event store), a 4xx <em>refused</em>, a 5xx or a timeout <em>unknown</em> (the
 * store decides; the command is not repeated, except a declaration, which carries an {@code Idempotency-Key} and is
 * retried with it until it gets an answer). A refused connection means nothing was sent: the same command is tried
 * again on the next tick. With several instances of incident-command, each command goes to the next one in turn, so a
 * command refused a connection by a stopped instance goes to another on the next tick.
 */
public final class SteadyLoad implements AutoCloseable {

    /** One accepted command: the incident and the version (sequence of its last event) the 2xx reported. */
    public record Accepted(String incidentId, long version) {
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final List<String[]> LIFE = List.of(
            new String[] {"notes", "{\"kind\":\"NOTE\",\"text\":\"looking into it\"}"},
            new String[] {"status", "{\"status\":\"fixing\"}"},
            new String[] {"updates", "{\"audience\":\"INTERNAL\",\"whatIsHappening\":\"rolling back\"}"},
            new String[] {"severity", "{\"severity\":\"MAJOR\",\"reason\":\"more customers affected\"}"},
            new String[] {"notes", "{\"kind\":\"DECISION\",\"text\":\"roll back release\"}"},
            new String[] {"status", "{\"status\":\"monitoring\"}"},
            new String[] {"resolve", "{\"resolution\":\"rolled back\"}"});

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> commands;
    private final java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
    private final ScheduledExecutorService workers;
    private final Set<Accepted> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> incidents = ConcurrentHashMap.newKeySet();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicLong notSent = new AtomicLong();
    private final AtomicLong lastAcceptedAt = new AtomicLong();
    private final Map<String, Long> refusals = new ConcurrentHashMap<>();

    /** {@code workers} independent walkers, each sending one command per {@code interval}. */
    SteadyLoad(String command, int workers, Duration interval) {
        this(List.of(command), workers, interval);
    }

    /** As above, the commands spread over several instances of incident-command (their base URLs) in turn. */
    public SteadyLoad(List<String> commands, int workers, Duration interval) {
        this.commands = List.copyOf(commands);
        this.workers = Executors.newScheduledThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "drill-load");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < workers; i++) {
            Walker walker = new Walker();
            this.workers.scheduleWithFixedDelay(walker::step, i * interval.toMillis() / workers, interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private final class Walker {
        private String incident;
        private String declarationKey;
        private int next;

        void step() {
            try {
                if (incident == null) {
                    declare();
                } else {
                    String[] command = LIFE.get(next);
                    Outcome outcome = send(command() + "/api/v1/incidents/" + incident + "/" + command[0],
                            command[1], null);
                    if (outcome != Outcome.NOT_SENT) {
                        next++;
                    }
                    if (next == LIFE.size()) {
                        incident = null;
                        next = 0;
                    }
                }
            } catch (RuntimeException e) {
                unknown.incrementAndGet();
            }
        }

        private void declare() {
            if (declarationKey == null) {
                declarationKey = "drill-" + UUID.randomUUID();
            }
            String[] id = new String[1];
            Outcome outcome = send(command() + "/api/v1/incidents", "{\"title\":\"Drill incident\",\"severity\":\"MINOR\",\"force\":true,"
                    + "\"affectedServices\":[\"search\"]}", body -> id[0] = match(ID, body), declarationKey);
            if (outcome == Outcome.ACCEPTED) {
                incident = id[0];
                incidents.add(incident);
                declarationKey = null;
            } else if (outcome == Outcome.REFUSED) {
                declarationKey = null;
            }
            // NOT_SENT or UNKNOWN: the same key again on the next tick, so a retry can never declare twice
        }
    }

    private enum Outcome { ACCEPTED, REFUSED, UNKNOWN, NOT_SENT }

    /** The instance of incident-command for the next command. */
    private String command() {
        return commands.get(Math.floorMod(turn.getAndIncrement(), commands.size()));
    }

    private Outcome send(String url, String json, String idempotencyKey) {
        return send(url, json, null, idempotencyKey);
    }

    private Outcome send(String url, String json, java.util.function.Consumer<String> onBody, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TestStack.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            notSent.incrementAndGet();
            return Outcome.NOT_SENT;
        } catch (IOException e) {
            unknown.incrementAndGet();
            return Outcome.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.NOT_SENT;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String id = url.endsWith("/api/v1/incidents") ? match(ID, response.body())
                    : url.replaceAll(".*/api/v1/incidents/([^/]+)/.*", "$1");
            accepted.add(new Accepted(id, Long.parseLong(match(VERSION, response.body()))));
            lastAcceptedAt.set(System.nanoTime());
            if (onBody != null) {
                onBody.accept(response.body());
            }
            return Outcome.ACCEPTED;
        }
        if (status < 500) {
            refused.incrementAndGet();
            refusals.merge(status + " " + url.replaceAll(".*/", ""), 1L, Long::sum);
            return Outcome.REFUSED;
        }
        unknown.incrementAndGet();
        return Outcome.UNKNOWN;
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + pattern + " in " + body);
        }
        return matcher.group(1);
    }

    public Set<Accepted> accepted() {
        return Set.copyOf(accepted);
    }

    public Set<String> incidents() {
        return Set.copyOf(incidents);
    }

    public long refused() {
        return refused.get();
    }

    public Map<String, Long> refusals() {
        return Map.copyOf(refusals);
    }

    public long unknown() {
        return unknown.get();
    }

    public long notSent() {
        return notSent.get();
    }

    /** Whether a command was accepted after the given {@link System#nanoTime()}. */
    public boolean acceptedSince(long nanoTime) {
        return lastAcceptedAt.get() - nanoTime > 0;
    }

    @Override
    public void close() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
    }
}
