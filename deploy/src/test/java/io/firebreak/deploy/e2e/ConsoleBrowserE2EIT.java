package io.firebreak.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.deploy.console.ConsoleBrowser;
import io.firebreak.deploy.testing.SharedStack;
import io.firebreak.deploy.testing.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The responder console in real browsers against the real stack (issue 18's tests): two people's headless Chromium
 * sessions, each signed in with their own token, reused across the methods (one browser start each). Runs on the
 * {@link SharedStack} right after {@link IncidentLifecycleE2EIT}. Screenshots go to {@code target/console-*.png}.
 */
@ExtendWith(SharedStack.class)
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The "within a second": from one person's command being accepted to the other person's screen. */
    private static final long LIVE_WITHIN_MS = 1_000;

    /** The person declaring and updating. */
    private static ConsoleBrowser declarer;
    /** The person watching the board. */
    private static ConsoleBrowser watcher;
    private static String command;
    private static String notification;

    @BeforeAll
    static void openBrowsers() throws Exception {
        Assumptions.assumeTrue(ConsoleBrowser.available(),
                "Debian chromium and chromium-driver are not installed (.ci/run installs them)");
        TestStack stack = SharedStack.get().stack();
        command = stack.url("incident-command");
        notification = stack.url("notification-service");
        String console = command + "/console/";
        declarer = ConsoleBrowser.open(console, 1280, 1000);
        watcher = ConsoleBrowser.open(console, 1280, 1000);
        declarer.signIn(TestStack.TOKEN);
        watcher.signIn(TestStack.TOKEN);
    }

    @AfterAll
    static void closeBrowsers() {
        for (ConsoleBrowser browser : new ConsoleBrowser[] {declarer, watcher}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    /**
     * One person declares with the board's form and posts an update with the incident page's form; the other, on the
     * board, sees the incident's row and then (on its page, reached without a reload) the update, each less than a
     * second after the first person's screen said the command was accepted.
     */
    @Test
    @Order(1)
    void aDeclarationAndItsUpdateReachAnotherPersonsBoardLiveWithinASecond() throws Exception {
        String title = "Console " + UUID.randomUUID().toString().substring(0, 8) + ": search is slow";
        watcher.go("#/board");
        watchForChanges(watcher);
        declarer.go("#/board");
        stampAcceptance(declarer);

        WebElement form = declarer.driver().findElement(By.cssSelector("form#declare-form"));
        form.findElement(By.name("title")).sendKeys(title);
        choose(form.findElement(By.name("severity")), "MINOR");
        form.findElement(By.name("summary")).sendKeys("Search answers in seconds instead of milliseconds");
        choose(form.findElement(By.name("services")), "search");
        declarer.driver().findElement(By.id("declare-submit")).click();

        String id = await().atMost(Duration.ofSeconds(20)).until(() -> incidentTitled(title), found -> found != null);
        JsonNode declared = event(id, "IncidentDeclared");
        assertThat(declared.path("actor").path("id").asText()).isEqualTo("local-developer");
        Number rowSeen = await().pollInSameThread().atMost(Duration.ofSeconds(10))
                .until(() -> (Number) watcher.script("return window.__seen[arguments[0]];", id), seen -> seen != null);
        long declaredOk = accepted(declarer, "declare-form");
        assertThat(rowSeen.longValue() - declaredOk)
                .as("declaration accepted on one screen at %s (event at %s) → row on the other's board, ms;"
                        + " that page's events: %s", declaredOk, occurredAt(declared),
                        watcher.script("return JSON.stringify(window.__applied);"))
                .isLessThan(LIVE_WITHIN_MS);
        WebElement row = watcher.driver().findElement(By.cssSelector("tr[data-incident-id='" + id + "']"));
        assertThat(row.findElement(By.cssSelector("[data-field=title]")).getText()).contains(title);
        assertThat(row.findElement(By.cssSelector("[data-field=severity]")).getText()).containsIgnoringCase("minor");
        watcher.screenshot(Path.of("target", "console-board.png"));

        // the watcher opens the incident (a route change, not a reload); the declarer posts the update
        watcher.go("#/incidents/" + id);
        assertThat(watcher.driver().findElement(By.cssSelector("section#incident")).getAttribute("data-incident-id"))
                .isEqualTo(id);
        declarer.go("#/incidents/" + id);
        stampAcceptance(declarer);
        String update = "Rolled search back to yesterday's index " + UUID.randomUUID().toString().substring(0, 6);
        watcher.script("window.__watchText = arguments[0];", update);
        WebElement updateForm = declarer.driver().findElement(By.cssSelector("form#update-form.write-control"));
        // the four questions' first three (the fourth, what customers can do, belongs to customer updates)
        updateForm.findElement(By.name("whatIsHappening")).sendKeys(update);
        updateForm.findElement(By.name("whoIsAffected")).sendKeys("People searching the catalogue");
        updateForm.findElement(By.name("whatWeAreDoing")).sendKeys("Watching latency while the index warms up");
        updateForm.findElement(By.cssSelector("button[type=submit]")).click();

        JsonNode posted = await().atMost(Duration.ofSeconds(20)).until(() -> event(id, "UpdatePosted"),
                found -> found != null);
        assertThat(posted.path("actor").path("id").asText()).isEqualTo("local-developer");
        Number updateSeen = await().pollInSameThread().atMost(Duration.ofSeconds(10))
                .until(() -> (Number) watcher.script("return window.__updateSeen;"), seen -> seen != null);
        long postedOk = accepted(declarer, "update-form");
        assertThat(updateSeen.longValue() - postedOk)
                .as("update accepted on one screen at %s (event at %s) → on the other's incident page, ms;"
                        + " that page's events: %s", postedOk, occurredAt(posted),
                        watcher.script("return JSON.stringify(window.__applied);"))
                .isLessThan(LIVE_WITHIN_MS);
        assertThat(watcher.driver().findElement(By.id("latest-update")).getText()).contains(update);
        // the marker set before the declaration survives: nothing reloaded the watcher's page
        assertThat(watcher.script("return window.__notReloaded === true;")).isEqualTo(true);
        assertThat(watcher.driver().findElements(By.cssSelector("ol#timeline li[data-event-id]"))).isNotEmpty();
        watcher.screenshot(Path.of("target", "console-incident.png"));
    }

    /**
     * A Major pages the platform rotation's on-call person at once; signed in as that person, the on-call view lists
     * the page and its ack button stops the escalation before it reaches its last level (the stack's ack timeout is
     * 5 s a level, 20 s to the last, so the person is signed in before the declaration).
     */
    @Test
    @Order(2)
    void ackFromTheOnCallViewStopsTheEscalation() throws Exception {
        String person = null;
        for (JsonNode schedule : get(notification + "/api/v1/oncall").path("schedules")) {
            if (schedule.path("scheduleId").asText().equals("platform")) {
                person = schedule.path("onCall").path(0).path("id").asText();
            }
        }
        assertThat(SharedStack.ROTATION).as("on call for the platform rotation now").contains(person);
        declarer.signIn(SharedStack.onCallToken(person));
        declarer.go("#/oncall");

        String id = declare("Console ack " + UUID.randomUUID().toString().substring(0, 8) + ": queue backlog", "MAJOR");
        JsonNode firstPage = await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode pages = escalation(id).path("pages");
            return pages.isArray() && !pages.isEmpty() ? pages.get(0) : null;
        }, page -> page != null);
        assertThat(firstPage.path("responderId").asText()).as("paged first").isEqualTo(person);
        String pageId = firstPage.path("pageId").asText();

        // the view looks again after incident events (and every 15 s); a reload is the fallback. Polled in this
        // thread: a reload still running in Awaitility's own thread would drive the browser under the next test
        By mine = By.cssSelector("ul#my-pages li[data-page-id='" + pageId + "']");
        long[] loaded = {System.nanoTime()};
        await().atMost(Duration.ofSeconds(12)).pollInSameThread().pollInterval(Duration.ofMillis(200)).until(() -> {
            if (declarer.driver().findElements(mine).isEmpty() && System.nanoTime() - loaded[0] > 3_000_000_000L) {
                declarer.reload();
                loaded[0] = System.nanoTime();
            }
            return !declarer.driver().findElements(mine).isEmpty();
        });
        declarer.driver().findElement(mine).findElement(By.cssSelector("button.ack")).click();

        JsonNode stopped = await().atMost(Duration.ofSeconds(10)).until(() -> escalation(id),
                escalation -> escalation.path("state").asText().equals("ACKNOWLEDGED"));
        assertThat(stopped.path("pending")).as("no ack timeout left to fire").isEmpty();
        JsonNode acked = null;
        for (JsonNode page : stopped.path("pages")) {
            if (page.path("pageId").asText().equals(pageId)) {
                acked = page;
            }
        }
        assertThat(acked).isNotNull();
        assertThat(acked.path("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acked.path("acknowledgedBy").asText()).isEqualToIgnoringCase(person);
        // the view shows the ack once it is done, without its button
        await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> declarer.driver().findElement(mine)
                .findElements(By.cssSelector("button.ack")).isEmpty());
        assertThat(declarer.driver().findElement(mine).findElement(By.cssSelector("[data-field=ack-state]")).getText())
                .isNotBlank();
        declarer.screenshot(Path.of("target", "console-oncall.png"));
    }

    /** A person with only incidents:read sees no write control anywhere, and the API refuses their writes anyway. */
    @Test
    @Order(3)
    void aReaderSeesNoWriteControlsAndTheApiRefusesTheirWrites() throws Exception {
        String id = declare("Console reader " + UUID.randomUUID().toString().substring(0, 8) + ": cache misses",
                "MINOR");
        declarer.signIn(SharedStack.VIEWER_TOKEN);
        assertThat(declarer.driver().findElements(By.cssSelector("table#board"))).isNotEmpty();
        assertThat(declarer.driver().findElements(By.cssSelector(".write-control"))).isEmpty();
        declarer.go("#/incidents/" + id);
        assertThat(declarer.driver().findElements(By.cssSelector("section#incident"))).isNotEmpty();
        assertThat(declarer.driver().findElements(By.cssSelector(".write-control"))).isEmpty();
        declarer.go("#/oncall");
        assertThat(declarer.driver().findElements(By.cssSelector(".write-control"))).isEmpty();

        HttpResponse<String> declare = send(SharedStack.VIEWER_TOKEN, "POST", command + "/api/v1/incidents",
                "{\"title\":\"Not allowed\",\"severity\":\"MINOR\"}");
        assertThat(declare.statusCode()).isEqualTo(403);
        assertThat(declare.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> update = send(SharedStack.VIEWER_TOKEN, "POST",
                command + "/api/v1/incidents/" + id + "/updates",
                "{\"audience\":\"INTERNAL\",\"whatIsHappening\":\"Not allowed\"}");
        assertThat(update.statusCode()).isEqualTo(403);
        assertThat(event(id, "UpdatePosted")).as("nothing was posted").isNull();
    }

    /** Insights draws its charts with the numbers in a table beside them. */
    @Test
    @Order(4)
    void insightsShowsChartsAndTheirNumbers() throws Exception {
        watcher.go("#/insights");
        // one element per chart, each drawn by ECharts (a canvas inside it)
        assertThat(watcher.driver().findElements(By.cssSelector("#insights-charts div"))).isNotEmpty();
        await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> !watcher.driver()
                .findElements(By.cssSelector("#insights-charts canvas, #insights-charts svg")).isEmpty());
        assertThat(watcher.driver().findElements(By.cssSelector("table#insights-table"))).isNotEmpty();
        Path shot = watcher.screenshot(Path.of("target", "console-insights.png"));
        assertThat(Files.size(shot)).isPositive();
    }

    /**
     * Records, in the watcher's page, when each incident row and the awaited update text first appear (Date.now(),
     * the clock the services' event times come from on this machine), and a marker a reload would wipe.
     */
    private static void watchForChanges(ConsoleBrowser browser) {
        browser.script("""
                window.__notReloaded = true;
                window.__seen = {};
                window.__updateSeen = null;
                const mark = () => {
                  for (const row of document.querySelectorAll('tr[data-incident-id]')) {
                    if (!(row.dataset.incidentId in window.__seen)) window.__seen[row.dataset.incidentId] = Date.now();
                  }
                  const latest = document.getElementById('latest-update');
                  if (window.__watchText && !window.__updateSeen && latest
                      && latest.textContent.includes(window.__watchText)) window.__updateSeen = Date.now();
                };
                mark();
                for (const id in window.__seen) window.__seen[id] = 0;
                // for a failure's message: when each event reached this page and when it was applied (epoch ms)
                window.__applied = [];
                const live = window.firebreakConsole || (window.firebreakConsole = {});
                let last = live.lastApplied;
                Object.defineProperty(live, 'lastApplied', {configurable: true, get: () => last, set: (v) => {
                  last = v;
                  window.__applied.push({eventId: v.eventId, type: v.type,
                      received: Math.round(performance.timeOrigin + v.receivedAt), applied: v.appliedAtEpochMs});
                }});
                new MutationObserver(mark).observe(document.body,
                    {childList: true, subtree: true, characterData: true});
                """);
    }

    /**
     * Records, in the declarer's page, when each form first says its command was accepted ({@code .form-ok} gets its
     * text once the API answered 2xx): the moment the person has declared or updated.
     */
    private static void stampAcceptance(ConsoleBrowser browser) {
        browser.script("""
                window.__accepted = {};
                new MutationObserver(() => {
                  for (const ok of document.querySelectorAll('form .form-ok')) {
                    const form = ok.closest('form').id;
                    if (ok.textContent.trim() && !(form in window.__accepted)) window.__accepted[form] = Date.now();
                  }
                }).observe(document.body, {childList: true, subtree: true, characterData: true});
                """);
    }

    private static long accepted(ConsoleBrowser browser, String formId) {
        Number at = await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(
                () -> (Number) browser.script("return window.__accepted[arguments[0]];", formId), ok -> ok != null);
        return at.longValue();
    }

    private static void choose(WebElement field, String value) {
        if (field.getTagName().equals("select")) {
            Select select = new Select(field);
            for (WebElement option : select.getOptions()) {
                if (option.getAttribute("value").equalsIgnoreCase(value) || option.getText().equalsIgnoreCase(value)) {
                    select.selectByValue(option.getAttribute("value"));
                    return;
                }
            }
            throw new AssertionError("No option " + value + " in " + field.getAttribute("name"));
        }
        field.clear();
        field.sendKeys(value);
    }

    private static String declare(String title, String severity) throws Exception {
        HttpResponse<String> response = send(TestStack.TOKEN, "POST", command + "/api/v1/incidents",
                JSON.writeValueAsString(JSON.createObjectNode().put("title", title).put("severity", severity)
                        .put("force", true)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asText();
    }

    private static String incidentTitled(String title) throws Exception {
        for (JsonNode incident : get(command + "/api/v1/incidents?open=true&size=200").path("items")) {
            if (incident.path("title").asText().equals(title)) {
                return incident.path("id").asText();
            }
        }
        return null;
    }

    private static JsonNode event(String incidentId, String type) throws Exception {
        for (JsonNode event : get(command + "/api/v1/incidents/" + incidentId + "/events")) {
            if (event.path("type").asText().equals(type)) {
                return event;
            }
        }
        return null;
    }

    private static long occurredAt(JsonNode event) {
        JsonNode at = event.path("occurredAt");
        return at.isNumber() ? (long) (at.asDouble() * 1000) : Instant.parse(at.asText()).toEpochMilli();
    }

    private static JsonNode escalation(String incidentId) throws Exception {
        HttpResponse<String> response = send(TestStack.TOKEN, "GET",
                notification + "/api/v1/incidents/" + incidentId + "/escalation", null);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = send(TestStack.TOKEN, "GET", url, null);
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String token, String method, String url, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
