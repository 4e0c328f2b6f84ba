package io.firebreak.debrief.linear;

import static io.firebreak.debrief.support.LinearStandIn.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.debrief.support.Api;
import io.firebreak.debrief.support.DebriefIntegrationTest;
import io.firebreak.debrief.support.LinearStandIn;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.IncidentStory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, item 4: follow-ups mirrored to Linear through its GraphQL API (a stand-in that checks the request shape),
 * through the durable outbox: an outage delays, never fails the API call nor loses the issue; a lost answer does not
 * create a second issue; completing or dropping a follow-up moves the issue; a signed Linear webhook completes the
 * follow-up as "linear", once, and an unsigned, stale or replayed one changes nothing.
 */
@DebriefIntegrationTest
@DirtiesContext
class LinearSyncIT {

    static final LinearStandIn linear = new LinearStandIn();
    static final String WEBHOOK_SECRET = "linear-webhook-test-secret";
    static final String WEBHOOKS = "/api/v1/integrations/linear/webhooks";

    @DynamicPropertySource
    static void linearSettings(DynamicPropertyRegistry registry) {
        registry.add("firebreak.debrief.linear.api-key", () -> API_KEY);
        registry.add("firebreak.debrief.linear.team-id", () -> LinearStandIn.TEAM_ID);
        registry.add("firebreak.debrief.linear.api-url", linear::url);
        registry.add("firebreak.debrief.linear.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("firebreak.debrief.linear.poll-interval", () -> "100ms");
        registry.add("firebreak.debrief.linear.retry-base", () -> "100ms");
        registry.add("firebreak.debrief.linear.retry-max", () -> "500ms");
        // this context shares the database with the cached one of the other ITs: leave their outbox rows to them
        registry.add("firebreak.outbox.interval", () -> "1h");
    }

    @AfterAll
    static void stopTheStandIn() {
        linear.close();
    }

    @Autowired
    WebTestClient anonymous;

    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    String incidentId;

    @BeforeEach
    void anIncident() {
        client = Api.asWriter(anonymous);
        // the stand-in's outage must meet this test's calls, not a move left from the one before
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM linear_sync WHERE done_at IS NULL", Long.class) == 0);
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared("Checkout fails for card payments", Severity.CRITICAL, true, "checkout").resolved();
            incidentId = story.incidentId;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM incident WHERE incident_id = ? AND resolved_at IS NOT NULL", Long.class,
                incidentId) == 1);
    }

    @Test
    void mirrorsEachFollowUpToALabelledIssueThroughTheOutboxAcrossAnOutage() {
        LocalDate due = LocalDate.now().plusDays(7);
        linear.failNext(3);
        Map<String, Object> created = create("Alert on pool saturation", "Bob", due, "high");
        assertThat(created.get("linear")).as("the API answers before Linear is called").isNull();
        String first = (String) created.get("id");

        Map<String, Object> issue = awaitLinked(first);
        assertThat((String) issue.get("identifier")).startsWith("ENG-");
        assertThat(issue.get("id")).as("the id Firebreak chose").isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT attempts FROM linear_sync WHERE follow_up_id = ? AND done_at IS NOT NULL",
                Integer.class, first)).as("failed attempts (the 503s), then the one that worked").isGreaterThan(1);

        LinearStandIn.Call call = only(linear.calls("issueCreate(").stream()
                .filter(c -> c.variables().path("input").path("id").asString().equals(first)).toList());
        assertThat(call.query()).contains("mutation").contains("issueCreate(input: $input)");
        assertThat(call.authorization()).isEqualTo(API_KEY);
        JsonNode input = call.variables().path("input");
        assertThat(input.path("teamId").asString()).isEqualTo(LinearStandIn.TEAM_ID);
        assertThat(input.path("title").asString()).isEqualTo("Alert on pool saturation");
        assertThat(input.path("dueDate").asString()).isEqualTo(due.toString());
        assertThat(input.path("priority").asInt()).isEqualTo(2);
        assertThat(input.path("description").asString())
                .contains("http://debriefs.acme.test/api/v1/incidents/" + incidentId + "/debrief")
                .contains("Owner: Bob").contains("Due: " + due).contains("Checkout fails for card payments");
        LinearStandIn.Call label = only(linear.calls("issueLabelCreate("));
        assertThat(label.variables().path("input").path("name").asString()).isEqualTo("post-mortem");
        assertThat(input.path("labelIds").size()).isEqualTo(1);
        assertThat(input.path("labelIds").get(0).asString()).as("the id the stand-in gave the label").isEqualTo("label-1");

        int lookups = linear.calls("issueLabels(").size();
        String second = (String) create("Load-test the pool", "Ana", due.plusDays(7), "medium").get("id");
        awaitLinked(second);
        assertThat(linear.calls("issueLabelCreate(")).as("the label is created once").hasSize(1);
        assertThat(linear.calls("issueLabels(")).as("and its id cached").hasSize(lookups);
        assertThat(client.get().uri("/api/v1/incidents/" + incidentId + "/debrief").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody())
                .contains("Linear [" + issue.get("identifier") + "](" + issue.get("url") + ")");
        assertThat(linear.refused()).as("every request had the documented shape").isEmpty();
    }

    @Test
    void aLostAnswerFindsTheIssueInsteadOfCreatingASecond() {
        linear.loseNextAnswer();
        String id = (String) create("Add a saturation dashboard", "Bob", LocalDate.now().plusDays(3), "low").get("id");
        awaitLinked(id);
        assertThat(linear.calls("issueCreate(").stream()
                .filter(c -> c.variables().path("input").path("id").asString().equals(id))).hasSize(1);
        assertThat(linear.calls("issue(id: $id)")).isNotEmpty();
        assertThat(linear.refused()).isEmpty();
    }

    @Test
    void movesTheIssueWhenTheFollowUpIsCompletedOrDropped() {
        String done = (String) create("Roll back faster", "Bob", LocalDate.now().plusDays(3), "urgent").get("id");
        String dropped = (String) create("Rewrite the pool", "Ana", LocalDate.now().plusDays(30), "low").get("id");
        patch(done, "completed");
        patch(dropped, "not_doing");
        awaitLinked(done);
        awaitLinked(dropped);
        await().atMost(Duration.ofSeconds(20)).until(() -> LinearStandIn.DONE_STATE.equals(linear.stateOf(done))
                && LinearStandIn.CANCELED_STATE.equals(linear.stateOf(dropped)));
        patch(done, "outstanding");
        await().atMost(Duration.ofSeconds(20)).until(() -> LinearStandIn.TODO_STATE.equals(linear.stateOf(done)));
        assertThat(linear.calls("team(id: $teamId)")).as("the team's states are looked up once").hasSize(1);
        assertThat(linear.refused()).isEmpty();
    }

    @Test
    void aSignedLinearWebhookCompletesTheFollowUpOnceAsLinear() {
        String id = (String) create("Alert on queue depth", "Bob", LocalDate.now().plusDays(5), "high").get("id");
        Map<String, Object> issue = awaitLinked(id);
        String body = issueUpdate((String) issue.get("id"), (String) issue.get("identifier"), "completed",
                Instant.now());

        webhook(body, null).expectStatus().isUnauthorized().expectBody().jsonPath("$.field").isEqualTo("Linear-Signature");
        webhook(body, sign(body.replace("completed", "canceled"))).expectStatus().isUnauthorized();
        webhook("", null).expectStatus().isBadRequest();
        webhook("{not json", sign("{not json")).expectStatus().isBadRequest();
        String stale = issueUpdate((String) issue.get("id"), "x", "completed", Instant.now().minusSeconds(120));
        webhook(stale, sign(stale)).expectStatus().isBadRequest().expectBody().jsonPath("$.field")
                .isEqualTo("webhookTimestamp");
        assertThat(status(id)).isEqualTo("outstanding");

        webhook(body, sign(body)).expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("completed");
        Map<String, Object> followUp = followUp(id);
        assertThat(followUp.get("status")).isEqualTo("completed");
        assertThat(((Map<?, ?>) followUp.get("updatedBy")).get("id")).isEqualTo("linear");

        patch(id, "outstanding");
        webhook(body, sign(body)).expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("duplicate");
        assertThat(status(id)).as("a replay changes nothing").isEqualTo("outstanding");

        String comment = "{\"action\":\"create\",\"type\":\"Comment\",\"data\":{\"id\":\"c-1\"},\"webhookTimestamp\":"
                + Instant.now().toEpochMilli() + "}";
        webhook(comment, sign(comment)).expectStatus().isAccepted().expectBody().jsonPath("$.outcome")
                .isEqualTo("ignored");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM linear_sync WHERE follow_up_id = ? AND action = 'MOVE_ISSUE'",
                Integer.class, id)).as("Linear's own change is not sent back; the reopening is").isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> LinearStandIn.TODO_STATE.equals(linear.stateOf(id)));
    }

    private Map<String, Object> create(String title, String owner, LocalDate due, String priority) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = client.post().uri("/api/v1/incidents/" + incidentId + "/follow-ups")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", title, "owner", owner,
                        "dueDate", due.toString(), "priority", priority))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return body;
    }

    private void patch(String id, String status) {
        client.patch().uri("/api/v1/follow-ups/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", status)).exchange().expectStatus().isOk();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> followUp(String id) {
        return client.get().uri("/api/v1/follow-ups?incidentId=" + incidentId).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(m -> (Map<String, Object>) m).filter(m -> id.equals(m.get("id"))).findFirst().orElseThrow();
    }

    private String status(String id) {
        return (String) followUp(id).get("status");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitLinked(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> followUp(id).get("linear") != null);
        return (Map<String, Object>) followUp(id).get("linear");
    }

    private WebTestClient.ResponseSpec webhook(String body, String signature) {
        WebTestClient.RequestBodySpec request = anonymous.post().uri(WEBHOOKS).contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request = request.header("Linear-Signature", signature);
        }
        return request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private static String issueUpdate(String issueId, String identifier, String stateType, Instant at) {
        return """
                {"action":"update","type":"Issue","createdAt":"%s","organizationId":"org-1","url":"https://linear.app/acme/issue/%s",
                 "data":{"id":"%s","identifier":"%s","title":"x","state":{"id":"state-x","name":"Done","type":"%s"}},
                 "updatedFrom":{"stateId":"state-todo"},"webhookTimestamp":%d,"webhookId":"wh-1"}"""
                .formatted(at, identifier, issueId, identifier, stateType, at.toEpochMilli());
    }

    private static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T only(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
