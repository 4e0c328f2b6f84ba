package io.firebreak.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.deploy.console.ConsoleBrowser;
import java.util.Map;

/**
 * The responder console's figures (issue 18), in headless Chromium against the bench's stack:
 * <ul>
 * <li>board first paint: navigation start → the console's {@code board-painted} performance mark, over fresh page
 * loads of the board with about {@link #OPEN_INCIDENTS} open incidents;</li>
 * <li>SSE event → DOM: a command's 2xx at the client → the browser's {@code firebreakConsole.lastApplied} for that
 * command's event ({@code appliedAtEpochMs}; browser and bench read the same machine clock), and of that the
 * in-browser part, SSE frame received → applied to the DOM ({@code appliedAt - receivedAt}).</li>
 * </ul>
 * Commands go one at a time (each waits for its event on screen), so the figure is the live path's latency, not a
 * queue's.
 */
final class ConsoleFigures {

    static final int OPEN_INCIDENTS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(Stats firstPaint, Stats commandToDom, Stats receiveToApply, long open) {
    }

    private final String command;

    ConsoleFigures(String command) {
        this.command = command;
    }

    Result run(int loads, int commands) throws Exception {
        long open = openIncidents();
        String probe = null;
        for (long i = open; i < OPEN_INCIDENTS; i++) {
            String id = Http.id(Http.post(command + "/api/v1/incidents", "{\"title\":\"Console bench " + i
                    + "\",\"severity\":\"MINOR\",\"force\":true,\"affectedServices\":[\"search\"]}"));
            probe = probe == null ? id : probe;
        }
        if (probe == null) {
            probe = Http.id(Http.post(command + "/api/v1/incidents",
                    "{\"title\":\"Console bench probe\",\"severity\":\"MINOR\",\"force\":true}"));
        }
        open = openIncidents();
        try (ConsoleBrowser browser = ConsoleBrowser.open(command + "/console/", 1280, 1000)) {
            // the token as the login form keeps it, then a fresh load of the board
            browser.script("sessionStorage.setItem('firebreak.token', arguments[0]);", Http.TOKEN);
            browser.go("#/board");
            browser.reload();
            Stats paint = firstPaint(browser, loads);
            Stats[] live = liveUpdates(browser, probe, commands);
            return new Result(paint, live[0], live[1], open);
        }
    }

    private Stats firstPaint(ConsoleBrowser browser, int loads) {
        for (int warm = 0; warm < 3; warm++) {
            reloaded(browser, "warm-up load " + warm);
        }
        long[] nanos = new long[loads];
        int n = 0;
        for (int i = 0; i < loads; i++) {
            if (!reloaded(browser, "page load " + i)) {
                continue;
            }
            Object mark = browser.script("const m = performance.getEntriesByName('board-painted');"
                    + " return m.length ? m[0].startTime : null;");
            if (mark instanceof Number ms) {
                nanos[n++] = (long) (ms.doubleValue() * 1e6);
            }
        }
        return Stats.of(nanos, n, 1, loads - n);
    }

    /**
     * A fresh load of the board; false when it never said it painted (seen once, 14:45 on 2026-11-26): a failed load
     * is counted and the step goes on, rather than ending the whole run.
     */
    private static boolean reloaded(ConsoleBrowser browser, String which) {
        try {
            browser.reload();
            return true;
        } catch (org.openqa.selenium.TimeoutException notReady) {
            System.out.println("    " + which + ": the board did not say it painted within 20 s");
            return false;
        }
    }

    private Stats[] liveUpdates(ConsoleBrowser browser, String incident, int commands) throws Exception {
        long[] toDom = new long[commands];
        long[] inBrowser = new long[commands];
        int n = 0;
        long missed = 0;
        String events = command + "/api/v1/incidents/" + incident + "/events";
        for (int i = 0; i < commands; i++) {
            String body = Http.post(command + "/api/v1/incidents/" + incident + "/notes",
                    "{\"kind\":\"NOTE\",\"text\":\"console probe " + i + "\"}");
            long accepted = System.currentTimeMillis();
            String eventId = eventIdAt(Http.get(events), JSON.readTree(body).path("version").asLong());
            Map<?, ?> applied = awaitApplied(browser, eventId);
            if (applied == null) {
                missed++;
                continue;
            }
            toDom[n] = (long) ((((Number) applied.get("appliedAtEpochMs")).doubleValue() - accepted) * 1e6);
            inBrowser[n] = (long) ((((Number) applied.get("appliedAt")).doubleValue()
                    - ((Number) applied.get("receivedAt")).doubleValue()) * 1e6);
            n++;
        }
        return new Stats[] {Stats.of(toDom, n, 1, missed), Stats.of(inBrowser, n, 1, missed)};
    }

    /** The browser's record of the event once it is on screen; null when it is not within five seconds. */
    private static Map<?, ?> awaitApplied(ConsoleBrowser browser, String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            // the browser stamps the time itself, so how often this asks does not change the figure
            Object last = browser.script("const c = window.firebreakConsole;"
                    + " return c && c.lastApplied && c.lastApplied.eventId === arguments[0] ? c.lastApplied : null;",
                    eventId);
            if (last instanceof Map<?, ?> applied) {
                return applied;
            }
            Thread.sleep(5);
        }
        return null;
    }

    /** The id of the incident's event with this sequence number (a command's answer carries the version it made). */
    private static String eventIdAt(String events, long sequence) throws Exception {
        for (JsonNode event : JSON.readTree(events)) {
            if (event.path("sequence").asLong() == sequence) {
                return event.path("eventId").asText();
            }
        }
        throw new IllegalStateException("No event with sequence " + sequence);
    }

    private long openIncidents() throws Exception {
        return JSON.readTree(Http.get(command + "/api/v1/incidents?open=true&size=1")).path("total").asLong();
    }
}
