package io.firebreak.deploy.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * Reads the public status page's unresolved incidents ({@code /api/v2/incidents/unresolved.json}) every 50 ms, as a
 * customer's client would: conditionally, with the last {@code ETag} in {@code If-None-Match}, so an unchanged page
 * is a 304 and costs neither side a body. It keeps when each incident id was first on the page: the "status page
 * shows it" end of the clock users feel (issue 19).
 */
final class StatusPageWatcher implements AutoCloseable {

    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    StatusPageWatcher(String statuspage) {
        URI unresolved = URI.create(statuspage + "/api/v2/incidents/unresolved.json");
        poller = new Thread(() -> {
            String etag = null;
            while (running) {
                try {
                    // a read that stalls is counted (failures()) and retried after 5 s, not waited on for the step
                    HttpRequest.Builder request = HttpRequest.newBuilder(unresolved).timeout(Duration.ofSeconds(5));
                    if (etag != null) {
                        request.header("If-None-Match", etag);
                    }
                    HttpResponse<String> response = Http.CLIENT.send(request.GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    long now = System.nanoTime();
                    if (response.statusCode() != 200 && response.statusCode() != 304) {
                        failures.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                    }
                    if (response.statusCode() == 200) {
                        etag = response.headers().firstValue("ETag").orElse(null);
                        Matcher id = Http.ID.matcher(response.body());
                        while (id.find()) {
                            firstSeen.putIfAbsent(id.group(1), now);
                        }
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a failed read is a gap in the samples, not the end of the step; it is counted for the report
                    failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                }
            }
        }, "bench-statuspage-watch");
        poller.setDaemon(true);
        poller.start();
    }

    /** When the incident was first on the page ({@link System#nanoTime()}), or null. */
    Long firstSeen(String incidentId) {
        return firstSeen.get(incidentId);
    }

    /** The reads that failed, by HTTP status or exception ("" when none did). */
    String failures() {
        return failures.isEmpty() ? "" : failures.toString();
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
