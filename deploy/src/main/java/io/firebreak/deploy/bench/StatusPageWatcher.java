package io.firebreak.deploy.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the public status page's unresolved incidents ({@code /api/v2/incidents/unresolved.json}, as a customer's
 * client would) every 50 ms and keeps when each incident id was first on it: the "status page shows it" end of the
 * clock users feel (issue 19).
 */
final class StatusPageWatcher implements AutoCloseable {

    private static final Pattern INCIDENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    StatusPageWatcher(String statuspage) {
        poller = new Thread(() -> {
            while (running) {
                try {
                    String body = Http.get(statuspage + "/api/v2/incidents/unresolved.json");
                    long now = System.nanoTime();
                    Matcher id = INCIDENT_ID.matcher(body);
                    while (id.find()) {
                        firstSeen.putIfAbsent(id.group(1), now);
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a failed read is a gap in the samples, not the end of the step
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

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
