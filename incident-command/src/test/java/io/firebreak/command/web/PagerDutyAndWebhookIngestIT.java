package io.firebreak.command.web;

import io.firebreak.command.web.integrations.PagerDutyController;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.support.Api;
import io.firebreak.command.support.IncidentCommandIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@IncidentCommandIntegrationTest
class PagerDutyAndWebhookIngestIT {

    static final String ROUTING_KEY = "R0UT1NGKEY0000000000000000000001";

    @Autowired
    WebTestClient client;

    @Test
    void pagerDutyEventsDeclareUpdateAcknowledgeAndResolveByDedupKey() {
        String dedupKey = "srv01/HTTP-" + UUID.randomUUID();
        Map<String, Object> trigger = Map.of("routing_key", ROUTING_KEY, "event_action", "trigger",
                "dedup_key", dedupKey, "client", "Sample Monitoring Service",
                "links", List.of(Map.of("href", "https://monitoring.example/srv01", "text", "srv01 dashboard")),
                "payload", Map.of("summary", "Example alert on host1.example.com", "source", "monitoringtool:host1",
                        "severity", "critical", "timestamp", "2026-11-25T01:00:00.000+00:00", "component", "postgres",
                        "group", "prod-datapipe", "class", "deploy", "custom_details", Map.of("free space", "1%")));

        enqueue(trigger).expectStatus().isAccepted().expectBody()
                .jsonPath("$.status").isEqualTo("success")
                .jsonPath("$.message").isEqualTo("Event processed")
                .jsonPath("$.dedup_key").isEqualTo(dedupKey);
        Map<String, Object> incident = findBySourceKey(dedupKey);
        String id = (String) incident.get("id");
        assertThat(incident).containsEntry("severity", "CRITICAL").containsEntry("source", "PAGERDUTY_EVENTS")
                .containsEntry("title", "Example alert on host1.example.com")
                .containsEntry("affectedServices", List.of("postgres"))
                // monitoring declares engineering incidents, never drills, suspecting nothing
                .containsEntry("type", "ENGINEERING").containsEntry("drill", false)
                .containsEntry("suspectedExposure", List.of());

        enqueue(trigger).expectStatus().isAccepted();
        enqueue(Map.of("routing_key", ROUTING_KEY, "event_action", "acknowledge", "dedup_key", dedupKey))
                .expectStatus().isAccepted();
        enqueue(Map.of("routing_key", ROUTING_KEY, "event_action", "resolve", "dedup_key", dedupKey))
                .expectStatus().isAccepted();

        List<Object> types = events(id).stream().map(e -> e.get("type")).toList();
        assertThat(types).containsExactly("IncidentDeclared", "AlertAttached", "TimelineNoteAdded", "AlertAttached",
                "StatusChanged", "TimelineNoteAdded");
        assertThat(get(id)).containsEntry("status", "MONITORING");

        Api.post(client, "/api/v1/incidents/" + id + "/resolve", Map.of("resolution", "disk freed")).expectStatus().isOk();
        enqueue(trigger).expectStatus().isAccepted();
        Map<String, Object> next = findBySourceKey(dedupKey);
        assertThat(next.get("id")).as("a trigger after resolution opens a new incident").isNotEqualTo(id);
    }

    @Test
    void answersInvalidPagerDutyEventsLikePagerDuty() {
        enqueue(Map.of("routing_key", ROUTING_KEY, "event_action", "trigger", "payload",
                Map.of("summary", "x", "severity", "catastrophic"))).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.status").isEqualTo("invalid event")
                .jsonPath("$.message").isEqualTo("Event object is invalid")
                .jsonPath("$.errors.length()").isEqualTo(2);
        enqueue(Map.of("routing_key", "wrong", "event_action", "trigger")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0]").isEqualTo("Invalid routing key");
        enqueue(Map.of("routing_key", ROUTING_KEY, "event_action", "resolve")).expectStatus().isBadRequest();
        client.post().uri(PagerDutyController.PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("{nope")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0]").isEqualTo("Invalid JSON");
    }

    @Test
    void genericWebhookDeclaresAndSettlesByDedupKey() {
        String dedupKey = "queue-depth-" + UUID.randomUUID();
        @SuppressWarnings("unchecked")
        Map<String, Object> declared = webhook("uptime-robot", Map.of("status", "firing", "title", "Queue depth above 10k",
                "dedupKey", dedupKey, "description", "Workers stalled; token Bearer abcdefghijklmnopqrstuv leaked",
                "severity", "warning", "metadata", Map.of("queue", "payments"), "sourceUrl", "https://uptime.example/q"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) declared.get("incidentId");
        assertThat(get(id)).containsEntry("severity", "MAJOR").containsEntry("source", "WEBHOOK");
        assertThat((String) get(id).get("summary")).contains("[REDACTED:bearer_token]").doesNotContain("abcdefghij");

        webhook("uptime-robot", Map.of("status", "firing", "title", "Queue depth above 10k", "dedupKey", dedupKey))
                .expectStatus().isOk().expectBody().jsonPath("$.attached").isEqualTo(0);
        webhook("uptime-robot", Map.of("status", "resolved", "dedupKey", dedupKey)).expectStatus().isOk();
        assertThat(get(id)).containsEntry("status", "MONITORING");

        webhook("uptime-robot", Map.of("status", "exploding", "dedupKey", dedupKey)).expectStatus().isBadRequest();
        webhook("Not A Name", Map.of("status", "firing", "title", "x", "dedupKey", "k")).expectStatus().isBadRequest();
    }

    private WebTestClient.ResponseSpec enqueue(Map<String, Object> event) {
        return client.post().uri(PagerDutyController.PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(event)
                .exchange();
    }

    private WebTestClient.ResponseSpec webhook(String integration, Map<String, Object> body) {
        return client.post().uri("/api/v1/integrations/webhook/" + integration).headers(h -> h.setBearerAuth(Api.INGEST))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String id) {
        return client.get().uri("/api/v1/incidents/" + id).headers(h -> h.setBearerAuth(Api.READER)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Among the newest open incidents: every IT shares the database, and 200 of them outgrow the 64 KB codec limit. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> findBySourceKey(String sourceKey) {
        Map<String, Object> page = client.get().uri("/api/v1/incidents?open=true&size=20").headers(h -> h.setBearerAuth(Api.READER))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().map(i -> (Map<String, Object>) i)
                .filter(i -> sourceKey.equals(i.get("sourceKey"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events(String id) {
        return client.get().uri("/api/v1/incidents/" + id + "/events").headers(h -> h.setBearerAuth(Api.READER))
                .exchange().expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }
}
