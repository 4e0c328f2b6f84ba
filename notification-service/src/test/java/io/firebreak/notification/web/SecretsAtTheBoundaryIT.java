package io.firebreak.notification.web;

import io.firebreak.support.testing.StoredText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.notification.support.Api;
import io.firebreak.notification.support.FakeSlack;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.support.testing.SecretSamples;
import io.firebreak.support.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The only text a client can send notification-service is an ack body, and an ack carries nothing: the acknowledger
 * is the credential's person. So every secret kind, in every body an ack could carry, is refused without echo and
 * without acknowledging; after a whole incident (clean text from incident-command) no table, read API or Slack call
 * holds any secret's raw value.
 */
@NotificationIntegrationTest
class SecretsAtTheBoundaryIT {

    private static final String SCHEMA = "notification";

    @Autowired
    WebTestClient anonymous;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void refusesEverySecretInAnAckBodyAndStoresNoneOfThem() {
        WebTestClient client = Api.asWriter(anonymous);
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Secrets boundary", Severity.CRITICAL, true, "checkout")
                    .role(IncidentRole.INCIDENT_LEAD, "Ana")
                    .update(Audience.INTERNAL, "Checkout errors", "Card payers", "Rolling back")
                    .note(NoteKind.DECISION, "Roll back release 42");
            String id = story.incidentId;
            await().atMost(Duration.ofSeconds(30)).until(() -> pages(client, id).size() == 1);
            String pageId = (String) pages(client, id).get(0).get("pageId");

            List<String> failures = new ArrayList<>();
            for (Map.Entry<String, String> sample : SecretSamples.all().entrySet()) {
                String kind = sample.getKey();
                String raw = SecretSamples.rawValue(kind);
                for (String uri : List.of("/api/v1/pages/" + pageId + "/ack", "/api/v1/incidents/" + id + "/ack")) {
                    for (Map<String, String> body : List.of(Map.of("by", sample.getValue()),
                            Map.of("note", sample.getValue()))) {
                        EntityExchangeResult<byte[]> result = client.post().uri(uri)
                                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                                .expectBody().returnResult();
                        String response = new String(result.getResponseBodyContent() == null ? new byte[0]
                                : result.getResponseBodyContent(), StandardCharsets.UTF_8);
                        String what = kind + " in " + body.keySet() + " of " + uri;
                        int status = result.getStatus().value();
                        if (status != 400 && status != 422) {
                            failures.add(what + ": status " + status);
                        }
                        if (!MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(
                                result.getResponseHeaders().getContentType())) {
                            failures.add(what + ": not problem+json");
                        }
                        if (!response.contains("\"field\":\"" + body.keySet().iterator().next() + "\"")) {
                            failures.add(what + ": no field named in " + response);
                        }
                        if (response.contains(raw)) {
                            failures.add(what + ": the response echoes the secret");
                        }
                    }
                }
            }
            assertThat(failures).isEmpty();
            assertThat(escalation(client, id)).as("no refused ack acknowledged anything")
                    .containsEntry("state", "ACTIVE");

            // the ack that is allowed: no body, the credential's person
            client.post().uri("/api/v1/pages/" + pageId + "/ack").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.pages[0].acknowledgedBy").isEqualTo(TestTokens.WRITER_NAME);
            story.status(IncidentStatus.INVESTIGATING, IncidentStatus.FIXING).resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> ((List<?>) notifications(client, id).get("slack"))
                    .stream().anyMatch(m -> String.valueOf(((Map<?, ?>) m).get("text")).contains("Resolved")));

            String readApis = String.valueOf(escalation(client, id)) + notifications(client, id);
            String slackCalls = String.valueOf(FakeSlack.get().calls());
            for (String kind : SecretSamples.all().keySet()) {
                String raw = SecretSamples.rawValue(kind);
                assertThat(StoredText.columnsHolding(jdbc, SCHEMA, raw)).as(kind + " stored in the " + SCHEMA + " schema").isEmpty();
                assertThat(readApis).as(kind + " in a read API").doesNotContain(raw);
                assertThat(slackCalls).as(kind + " sent to Slack").doesNotContain(raw);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> escalation(WebTestClient client, String id) {
        return client.get().uri("/api/v1/incidents/" + id + "/escalation").exchange().expectBody(Map.class)
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> notifications(WebTestClient client, String id) {
        return client.get().uri("/api/v1/incidents/" + id + "/notifications").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> pages(WebTestClient client, String id) {
        Map<String, Object> escalation = escalation(client, id);
        return escalation == null || escalation.get("pages") == null ? List.of()
                : (List<Map<String, Object>>) escalation.get("pages");
    }
}
