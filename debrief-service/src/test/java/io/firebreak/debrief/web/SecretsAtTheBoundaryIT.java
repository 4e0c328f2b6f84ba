package io.firebreak.debrief.web;

import io.firebreak.support.testing.StoredText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.debrief.support.Api;
import io.firebreak.debrief.support.DebriefIntegrationTest;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.sensitive.SecretDetector;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.support.testing.SecretSamples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every kind of secret in every text field of every write endpoint: refused with 422 {@code secret-detected} naming
 * the field and never echoing the value; afterwards the raw value is in no column of the service's schema (text,
 * JSON or bytes, the outbox included) and in no read API's answer.
 */
@DebriefIntegrationTest
class SecretsAtTheBoundaryIT {

    @Autowired
    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    private String incidentId;
    private String followUpId;

    /** One text field of one write endpoint: how to send a body with {@code value} in it. */
    private record Field(String endpoint, String name, HttpMethod method, Function<SecretsAtTheBoundaryIT, String> uri,
            Function<String, Map<String, Object>> body) {

        @Override
        public String toString() {
            return method + " " + endpoint + " " + name;
        }
    }

    private static final List<Field> FIELDS = List.of(
            new Field("debrief section", "text", HttpMethod.PUT,
                    t -> "/api/v1/incidents/" + t.incidentId + "/debrief/sections/summary", v -> Map.of("text", v)),
            new Field("new follow-up", "title", HttpMethod.POST, t -> "/api/v1/incidents/" + t.incidentId + "/follow-ups",
                    v -> followUp(Map.of("title", v))),
            new Field("new follow-up", "owner", HttpMethod.POST, t -> "/api/v1/incidents/" + t.incidentId + "/follow-ups",
                    v -> followUp(Map.of("owner", v))),
            new Field("new follow-up", "priority", HttpMethod.POST,
                    t -> "/api/v1/incidents/" + t.incidentId + "/follow-ups", v -> followUp(Map.of("priority", v))),
            new Field("new follow-up", "externalUrl", HttpMethod.POST,
                    t -> "/api/v1/incidents/" + t.incidentId + "/follow-ups", v -> followUp(Map.of("externalUrl", v))),
            new Field("follow-up change", "status", HttpMethod.PATCH, t -> "/api/v1/follow-ups/" + t.followUpId,
                    v -> Map.of("status", v)),
            new Field("follow-up change", "owner", HttpMethod.PATCH, t -> "/api/v1/follow-ups/" + t.followUpId,
                    v -> Map.of("owner", v)));

    @BeforeEach
    void anIncidentWithAFollowUp() {
        client = Api.asWriter(client);
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared("Secrets at the boundary", Severity.CRITICAL, true, "checkout")
                    .note(NoteKind.HYPOTHESIS, "nothing secret here").resolved();
            incidentId = story.incidentId;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM incident WHERE incident_id = ? AND resolved_at IS NOT NULL", Long.class,
                incidentId) == 1);
        followUpId = (String) client.post().uri("/api/v1/incidents/" + incidentId + "/follow-ups")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(followUp(Map.of())).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    @TestFactory
    Stream<DynamicTest> everySecretInEveryTextFieldIsRefusedAndStoredNowhere() {
        List<DynamicTest> tests = new ArrayList<>();
        SecretSamples.all().forEach((kind, sample) -> {
            for (Field field : FIELDS) {
                tests.add(DynamicTest.dynamicTest(kind + " in " + field, () -> refusedAndStoredNowhere(kind, sample,
                        field)));
            }
        });
        return tests.stream();
    }

    private void refusedAndStoredNowhere(String kind, String sample, Field field) {
        // every sample must be one the shared detector finds: a gap there is a leak here
        org.assertj.core.api.Assertions.assertThat(SecretDetector.first(sample)).as("the shared SecretDetector finds"
                + " the '" + kind + "' sample of SecretSamples").isPresent();
        String raw = SecretSamples.rawValue(kind);

        byte[] problem = client.method(field.method()).uri(field.uri().apply(this))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(field.body().apply(sample)).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://firebreak.dev/problems/secret-detected")
                .jsonPath("$.field").isEqualTo(field.name())
                .returnResult().getResponseBody();
        assertThat(new String(problem, StandardCharsets.UTF_8)).as("the refusal never echoes the value")
                .doesNotContain(raw);

        assertThat(StoredText.columnsHolding(jdbc, "debrief", raw)).as("columns of schema debrief holding the raw " + kind).isEmpty();
        for (String read : List.of("/api/v1/incidents/" + incidentId + "/debrief",
                "/api/v1/incidents/" + incidentId + "/timeline", "/api/v1/incidents/" + incidentId + "/timeline?format=csv",
                "/api/v1/follow-ups?incidentId=" + incidentId, "/api/v1/follow-ups/stats", "/api/v1/debriefs",
                "/api/v1/metrics")) {
            assertThat(client.get().uri(read).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                    .getResponseBody()).as(read).doesNotContain(raw);
        }
        assertThat(client.get().uri("/api/v1/incidents/" + incidentId + "/debrief").accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .as("debrief JSON").doesNotContain(raw);
    }

    private static Map<String, Object> followUp(Map<String, Object> with) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("title", "Rotate the leaked key", "owner", "Bob",
                "priority", "high", "dueDate", LocalDate.now().plusDays(7).toString(),
                "externalUrl", "https://linear.example/F-9"));
        body.putAll(with);
        return body;
    }
}
