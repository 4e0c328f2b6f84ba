package io.firebreak.command.security;

import io.firebreak.support.testing.StoredText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.command.support.IncidentCommandIntegrationTest;
import io.firebreak.command.support.TopicReader;
import io.firebreak.support.testing.SecretSamples;
import io.firebreak.support.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every kind of credential and card number, in every text field of every write endpoint: refused with 422 naming
 * the field and the kind, never echoed. Monitoring text is redacted instead. Afterwards no raw value is found in
 * the event store, any table of the schema, the Kafka topic or a read API.
 */
@IncidentCommandIntegrationTest
class SecretsAtTheBoundaryIT {

    @Autowired
    private WebTestClient client;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EmbeddedKafkaBroker broker;

    /** Endpoint (relative to the incident) → field → body with the secret in that field. */
    private static Map<String, Map<String, Function<String, Map<String, Object>>>> textFields() {
        Map<String, Map<String, Function<String, Map<String, Object>>>> fields = new LinkedHashMap<>();
        fields.put("", Map.of(
                "title", s -> Map.of("title", s, "severity", "MINOR"),
                "summary", s -> Map.of("title", "Checkout slow", "severity", "MINOR", "summary", s),
                "incidentLead.name", s -> Map.of("title", "Checkout slow", "severity", "MINOR",
                        "incidentLead", Map.of("id", "u-1", "name", s))));
        fields.put("/notes", Map.of("text", s -> Map.of("kind", "EVIDENCE", "text", s)));
        fields.put("/updates", Map.of(
                "whatIsHappening", s -> update(s, "EU shoppers", "scaling"),
                "whoIsAffected", s -> update("slow", s, "scaling"),
                "whatWeAreDoing", s -> update("slow", "EU shoppers", s)));
        fields.put("/status", Map.of("note", s -> Map.of("status", "FIXING", "note", s)));
        fields.put("/severity", Map.of("reason", s -> Map.of("severity", "MAJOR", "reason", s)));
        fields.put("/resolve", Map.of("resolution", s -> Map.of("resolution", s)));
        return fields;
    }

    private static Map<String, Object> update(String happening, String affected, String doing) {
        return Map.of("audience", "INTERNAL", "whatIsHappening", happening, "whoIsAffected", affected,
                "whatWeAreDoing", doing, "nextUpdateInMinutes", 30);
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesEverySecretInEveryFieldAndStoresNoneAnywhere() {
        Map<String, Object> incident = client.post().uri("/api/v1/incidents")
                .headers(h -> h.setBearerAuth(TestTokens.WRITER)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Boundary check", "severity", "MINOR")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) incident.get("id");
        List<String> failures = new ArrayList<>();
        for (var kind : SecretSamples.all().entrySet()) {
            for (var endpoint : textFields().entrySet()) {
                for (var field : endpoint.getValue().entrySet()) {
                    String path = "/api/v1/incidents" + (endpoint.getKey().isEmpty() ? "" : "/" + id + endpoint.getKey());
                    byte[] body = client.post().uri(path).headers(h -> h.setBearerAuth(TestTokens.WRITER))
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(field.getValue().apply(kind.getValue()))
                            .exchange().expectBody().returnResult().getResponseBodyContent();
                    String answer = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
                    String expected = "\"field\":\"" + field.getKey() + "\"";
                    if (!answer.contains("secret-detected") || !answer.contains(expected)
                            || answer.contains(SecretSamples.rawValue(kind.getKey()))) {
                        failures.add(kind.getKey() + " in " + path + " " + field.getKey() + ": " + answer);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();

        // monitoring is never refused: the secret is redacted and the alert still declares
        String alertSecret = SecretSamples.all().get("slack_token");
        client.post().uri("/api/v1/integrations/webhook/boundary").headers(h -> h.setBearerAuth(TestTokens.INGEST))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "firing", "title", "Disk full " + alertSecret, "dedupKey", "boundary-1",
                        "description", alertSecret, "metadata", Map.of("note", alertSecret)))
                .exchange().expectStatus().is2xxSuccessful();

        String everything = readApis(id);
        try (TopicReader topic = new TopicReader(broker.getBrokersAsString())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !topic.poll().isEmpty());
            String onKafka = topic.poll().stream().map(r -> String.valueOf(r.value())).reduce("", String::concat);
            everything += onKafka;
        }
        for (String kind : SecretSamples.all().keySet()) {
            String raw = SecretSamples.rawValue(kind);
            assertThat(everything).as(kind + " in a read API or on Kafka").doesNotContain(raw);
            // the event store's payloads (bytea) and every other table of the schema
            assertThat(StoredText.columnsHolding(jdbc, "incident_command", raw)).as(kind + " stored").isEmpty();
        }
        assertThat(StoredText.columnsHolding(jdbc, "incident_command", "Boundary check")).as("the search finds what"
                + " was stored").contains("domain_event_entry.payload");
        assertThat(everything).contains("Boundary check").contains("[REDACTED:");
    }

    private String readApis(String id) {
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/api/v1/incidents", "/api/v1/incidents/" + id, "/api/v1/incidents/" + id + "/events")) {
            byte[] body = client.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.READER)).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
            all.append(new String(body, StandardCharsets.UTF_8));
        }
        return all.toString();
    }
}
