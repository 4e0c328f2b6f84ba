package io.firebreak.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.deploy.local.LocalStack;
import io.firebreak.deploy.testing.SharedStack;
import io.firebreak.deploy.testing.SlackStandIn;
import io.firebreak.deploy.testing.TestStack;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The process's scenario (docs/process.md) through public interfaces only, against the whole stack as separate processes (real
 * PostgreSQL, a real Kafka broker, the four services): Alertmanager declares, Slack hears about it, the on-call is
 * paged and escalation moves on until someone acknowledges, customers read the status page, the incident resolves,
 * the debrief is due with the whole timeline, and it closes with the debrief link. One projection service is killed
 * with SIGKILL mid-flow and restarted; nothing is lost or sent twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeedsScenario {

    static final String TOKEN = "firebreak-dev-token";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static SlackStandIn slack;
    static TestStack testStack;
    static LocalStack stack;
    /** The scenario's incident, once declared. */
    static String scenarioIncident;
    /** Requests so far per service: with several instances, each request goes to the next one (round robin). */
    private static final Map<String, java.util.concurrent.atomic.AtomicInteger> SENT =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Where PostgreSQL and Kafka come from: environment entries for the stack (empty: it starts its own). */
    Map<String, String> infrastructure() {
        return Map.of();
    }

    /**
     * Whether the scenario runs on the {@link SharedStack} (the class then declares
     * {@code @ExtendWith(SharedStack.class)}) instead of a stack of its own built from {@link #infrastructure()},
     * {@link #portBase()} and {@link #settings()}.
     */
    boolean onSharedStack() {
        return false;
    }

    /** The stack's ports: {@link TestStack#start}'s {@code portBase}. */
    int portBase() {
        return 22000;
    }

    /** Further settings of the stack, e.g. {@code FIREBREAK_INSTANCES}. */
    Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void startStack() throws Exception {
        SENT.clear();
        if (onSharedStack()) {
            slack = SharedStack.get().slack();
            testStack = SharedStack.get().stack();
        } else {
            slack = new SlackStandIn();
            Map<String, String> env = new java.util.HashMap<>(infrastructure());
            env.putAll(Map.of("FIREBREAK_SLACK_BOT_TOKEN", "xoxb-e2e", "FIREBREAK_SLACK_API_URL", slack.apiUrl(),
                    "FIREBREAK_ACK_TIMEOUT", "3s", "FIREBREAK_SLACK_SIGNING_SECRET", SlackStandIn.SIGNING_SECRET));
            env.putAll(settings());
            testStack = TestStack.start(portBase(), env);
        }
        stack = testStack.stack();
    }

    /** The base URL of a service for the next request: its instances take turns. */
    static String next(String module) {
        int turn = SENT.computeIfAbsent(module, m -> new java.util.concurrent.atomic.AtomicInteger()).getAndIncrement();
        return testStack.url(module, 1 + turn % stack.instances());
    }

    static String command() {
        return next("incident-command");
    }

    static String notification() {
        return next("notification-service");
    }

    static String statuspage() {
        return next("statuspage-service");
    }

    static String debrief() {
        return next("debrief-service");
    }

    @AfterAll
    void stopStack() {
        if (onSharedStack()) {
            return;
        }
        if (testStack != null) {
            testStack.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void theSeedsScenarioEndToEnd() throws Exception {
        // Alertmanager declares a Critical incident
        String payload = fixture().replace("\"groupKey\":\"{}:{", "\"groupKey\":\"{}/" + UUID.randomUUID() + ":{");
        JsonNode ingested = post(command() + "/api/v1/integrations/alertmanager", payload, 200);
        String id = ingested.path("incidentId").asText();
        scenarioIncident = id;
        assertThat(ingested.path("declared").asBoolean()).isTrue();
        JsonNode incident = get(command() + "/api/v1/incidents/" + id);
        assertThat(incident.path("severity").asText()).isEqualTo("CRITICAL");
        String channel = incident.path("channelName").asText();
        post(command() + "/api/v1/incidents/" + id + "/customer-impact",
                "{\"customerImpact\": true, \"affectedServices\": [\"checkout\"]}", 200);

        // Slack: the channel, the pinned summary and both announcements
        await().atMost(Duration.ofSeconds(60)).until(() -> slack.calls("pins.add").stream()
                .anyMatch(c -> c.params().get("channel").equals(slack.channelId(channel)))
                && posted("#incidents", channel) && posted("#engineering", channel));
        assertThat(slack.calls("conversations.create")).anySatisfy(c -> assertThat(c.params()).containsEntry("name", channel));

        // paging: the on-call, then (no ack within the shortened timeout) the next responder; an ack stops it
        await().atMost(Duration.ofSeconds(60)).until(() -> pages(id).size() >= 2);
        JsonNode second = pages(id).get(1);
        assertThat(second.path("level").asInt()).isEqualTo(2);
        post(notification() + "/api/v1/pages/" + second.path("pageId").asText() + "/ack", "{}", 200);
        JsonNode escalation = get(notification() + "/api/v1/incidents/" + id + "/escalation");
        assertThat(escalation.path("state").asText()).isEqualTo("ACKNOWLEDGED");
        // the acknowledger is the person behind the credential, not a name in the request
        assertThat(escalation.path("pages").findValuesAsText("acknowledgedBy")).contains("Local developer");

        // the status page crashes while customers are being told; the launcher restarts it and it catches up
        stack.kill("statuspage-service");
        post(command() + "/api/v1/incidents/" + id + "/updates", """
                {"audience": "CUSTOMER", "whatIsHappening": "Some checkouts fail with an error",
                 "whoIsAffected": "Customers paying at checkout", "whatWeAreDoing": "Rolling back the last release",
                 "nextUpdateInMinutes": 30}""", 200);
        post(command() + "/api/v1/incidents/" + id + "/status", "{\"status\": \"fixing\"}", 200);
        stack.restart("statuspage-service");
        // every instance of the status page serves it (each renders from the shared database, whichever consumed it)
        await().atMost(Duration.ofSeconds(60)).until(() -> onEveryInstance("statuspage-service", page -> unresolved(page)
                .stream().anyMatch(i -> i.path("id").asText().equals(id) && i.path("status").asText().equals("identified"))
                && component(page, "checkout").equals("major_outage")));
        JsonNode published = unresolved(statuspage()).stream().filter(i -> i.path("id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(published.path("incident_updates").findValuesAsText("body"))
                .filteredOn(b -> b.startsWith("Some checkouts fail")).hasSize(1);
        assertThat(text(statuspage() + "/")).contains("Some checkouts fail with an error");

        // resolve: the page says resolved and operational
        post(command() + "/api/v1/incidents/" + id + "/resolve", "{\"resolution\": \"Rolled back release 42\"}", 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> onEveryInstance("statuspage-service", page -> unresolved(page)
                .stream().noneMatch(i -> i.path("id").asText().equals(id)) && component(page, "checkout").equals("operational")));

        // the debrief is due, with every section and the whole timeline, pages and ack included
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode due = get(debrief() + "/api/v1/debriefs?state=due");
            List<String> kinds = get(debrief() + "/api/v1/incidents/" + id + "/timeline").path("entries").findValuesAsText("kind");
            return due.findValuesAsText("incidentId").contains(id) && kinds.contains("ACKNOWLEDGED")
                    && kinds.contains("RESOLVED");
        });
        String document = text(debrief() + "/api/v1/incidents/" + id + "/debrief");
        for (String section : List.of("Summary", "Key information", "Timeline", "Contributors", "Mitigators",
                "Risks and learnings", "Follow-ups")) {
            assertThat(document).contains("## " + section);
        }
        List<String> kinds = get(debrief() + "/api/v1/incidents/" + id + "/timeline").path("entries").findValuesAsText("kind");
        assertThat(kinds).contains("DECLARED", "ALERT", "IMPACT_CHANGED", "PAGED", "ESCALATED", "ACKNOWLEDGED", "UPDATE",
                "STATUS_CHANGED", "RESOLVED");

        // the debrief completes only when filled in: the learnings written and an owned follow-up
        post(debrief() + "/api/v1/incidents/" + id + "/debrief/complete", "{}", 409);
        put(debrief() + "/api/v1/incidents/" + id + "/debrief/sections/risks-and-learnings",
                "{\"text\": \"Connection pool limits were not alerting before exhaustion.\"}");
        put(debrief() + "/api/v1/incidents/" + id + "/debrief/sections/contributors",
                "{\"text\": \"A release doubled the connections each pod opens.\"}");
        post(debrief() + "/api/v1/incidents/" + id + "/follow-ups", "{\"title\": \"Alert at 80% pool use\","
                + " \"owner\": \"Ana\", \"dueDate\": \"2030-01-31\"}", 201);

        // close with the debrief link
        String debriefUrl = post(debrief() + "/api/v1/incidents/" + id + "/debrief/complete", "{}", 200)
                .path("debriefUrl").asText();
        // incident-command hears of the completion on firebreak.debrief-events; until then the close is refused
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                send(HttpRequest.newBuilder(URI.create(command() + "/api/v1/incidents/" + id + "/close"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode() == 200);
        assertThat(get(command() + "/api/v1/incidents/" + id + "/events").toString()).contains(debriefUrl);
        assertThat(get(command() + "/api/v1/incidents/" + id).path("status").asText()).isEqualTo("CLOSED");

        // nothing sent twice
        List<String> posts = new ArrayList<>();
        slack.calls("chat.postMessage").forEach(c -> posts.add(c.params().get("channel") + "|" + c.params().get("text")));
        assertThat(posts).doesNotHaveDuplicates();
        JsonNode history = get(statuspage() + "/api/v2/incidents.json");
        JsonNode ours = null;
        for (JsonNode i : history.path("incidents")) {
            if (i.path("id").asText().equals(id)) {
                ours = i;
            }
        }
        assertThat(ours).isNotNull();
        Set<String> updateIds = new HashSet<>(ours.path("incident_updates").findValuesAsText("id"));
        assertThat(updateIds).hasSize(ours.path("incident_updates").size());
    }

    private static boolean posted(String channel, String containing) {
        return slack.calls("chat.postMessage").stream().anyMatch(c -> channel.equals(c.params().get("channel"))
                && c.params().get("text").contains(containing));
    }

    static List<JsonNode> pages(String id) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(notification() + "/api/v1/incidents/" + id
                + "/escalation")).header("Authorization", "Bearer " + TOKEN).GET().build());
        List<JsonNode> pages = new ArrayList<>();
        if (response.statusCode() == 200) {
            JSON.readTree(response.body()).path("pages").forEach(pages::add);
        }
        return pages;
    }

    /** A condition that holds for every instance of a service (its base URL). */
    interface InstanceCheck {
        boolean holds(String baseUrl) throws Exception;
    }

    static boolean onEveryInstance(String module, InstanceCheck check) throws Exception {
        for (int instance = 1; instance <= stack.instances(); instance++) {
            if (!check.holds(testStack.url(module, instance))) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> unresolved(String page) throws Exception {
        List<JsonNode> incidents = new ArrayList<>();
        get(page + "/api/v2/incidents/unresolved.json").path("incidents").forEach(incidents::add);
        return incidents;
    }

    private static String component(String page, String componentId) throws Exception {
        for (JsonNode component : get(page + "/api/v2/components.json").path("components")) {
            if (component.path("id").asText().equals(componentId)) {
                return component.path("status").asText();
            }
        }
        return "missing";
    }

    static JsonNode post(String url, String body, int expected) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(url + " → " + response.body()).isEqualTo(expected);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    static void put(String url, String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(url + " → " + response.body()).isBetween(200, 204);
    }

    static JsonNode get(String url) throws Exception {
        return JSON.readTree(text(url));
    }

    static String text(String url) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN).GET().build());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String fixture() throws IOException {
        try (InputStream in = SeedsScenario.class.getResourceAsStream("/alertmanager-firing.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
