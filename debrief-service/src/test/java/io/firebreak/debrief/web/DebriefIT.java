package io.firebreak.debrief.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.debrief.support.Api;
import io.firebreak.debrief.support.DebriefIntegrationTest;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.debrief.DebriefCompleted;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.serde.FirebreakEventDeserializer;
import io.firebreak.support.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

@DebriefIntegrationTest
class DebriefIT {

    @Autowired
    WebTestClient client;

    @BeforeEach
    void withACredential() {
        client = Api.asWriter(client);
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFullIncidentBecomesATimelineMetricsAndACompleteDebrief() {
        Instant start = Instant.parse("2020-03-02T09:00:00Z");
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), Instant.now().minusSeconds(3600))) {
            story.declared("Checkout fails for card payments", Severity.CRITICAL, true, "checkout")
                    .role(IncidentRole.INCIDENT_LEAD, "Ana").role(IncidentRole.INVESTIGATION_OWNER, "Bob")
                    .note(NoteKind.HYPOTHESIS, "Connection pool exhausted after deploy")
                    .note(NoteKind.EVIDENCE, "Pool metrics at 100% since 09:02")
                    .again()
                    .update(Audience.CUSTOMER, "Card payments fail", "Card payers", "Rolling back")
                    .note(NoteKind.DECISION, "Roll back release 2026.11.24-3")
                    .status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING)
                    .resolved()
                    .resend(2);
            String id = story.incidentId;
            await().atMost(Duration.ofSeconds(30)).until(() -> timeline(id).size() == 9);

            List<Map<String, Object>> entries = timeline(id);
            assertThat(entries).extracting(e -> ((Number) e.get("sequence")).longValue())
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(entries).extracting(e -> (String) e.get("kind")).containsExactly("DECLARED", "ROLE_ASSIGNED",
                    "ROLE_ASSIGNED", "HYPOTHESIS", "EVIDENCE", "UPDATE", "DECISION", "STATUS_CHANGED", "RESOLVED");
            assertThat(entries.get(1)).containsEntry("text", "Ana is now Incident lead").containsEntry("actorName", "Ana Lead");

            Map<String, Object> body = timelineBody(id);
            @SuppressWarnings("unchecked")
            Map<String, Object> milestones = (Map<String, Object>) body.get("milestones");
            assertThat(milestones.get("detected")).isNotNull();
            assertThat(milestones.get("firstUpdate")).isNotNull();
            assertThat(milestones.get("mitigated")).isNotNull();
            assertThat(milestones.get("resolved")).isNotNull();
            assertThat(milestones.get("acknowledged")).isNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = (Map<String, Object>) body.get("metrics");
            assertThat(((Number) metrics.get("timeToResolveSeconds")).longValue()).as("detected 5 min before declaring, resolved 9 events later").isEqualTo(570);

            String csv = client.get().uri("/api/v1/incidents/" + id + "/timeline?format=csv").exchange()
                    .expectStatus().isOk().expectHeader().contentType("text/csv;charset=UTF-8")
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(csv.split("\r\n")).hasSize(10);
            assertThat(csv).startsWith("sequence,at,actor,actor_kind,kind,text").contains("\"Roll back release 2026.11.24-3\"");

            assertThat(debriefs("due")).extracting(d -> d.get("incidentId")).contains(id);
            String markdown = debrief(id);
            assertThat(markdown).contains("# Incident debrief: ").contains("Full debrief")
                    .contains("## Summary").contains("## Key information").contains("## Timeline")
                    .contains("## Contributors").contains("## Mitigators").contains("## Risks and learnings")
                    .contains("## Follow-ups")
                    .contains("Severity: CRITICAL").contains("Affected systems: checkout")
                    .contains("Incident lead=Ana").contains("Investigation owner=Bob")
                    .contains("Status page: http://status.acme.test/incidents/" + id)
                    .contains("Connection pool exhausted after deploy").contains("Roll back release 2026.11.24-3")
                    .contains("**Resolved** — Resolved: rolled back");

            client.put().uri("/api/v1/incidents/" + id + "/debrief/sections/summary").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "A deploy exhausted the connection pool; card payments failed for 9 minutes."))
                    .exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.edited").isEqualTo(true)
                    .jsonPath("$.editedBy.id").isEqualTo(TestTokens.WRITER_ID)
                    .jsonPath("$.editedBy.name").isEqualTo(TestTokens.WRITER_NAME);
            client.get().uri("/api/v1/incidents/" + id + "/debrief").accept(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.sections[?(@.id == 'summary')].editedBy.name").isEqualTo(TestTokens.WRITER_NAME)
                    .jsonPath("$.sections[?(@.id == 'timeline')].edited").isEqualTo(false);
            story.note(NoteKind.ACTION, "Added pool saturation alert");
            await().atMost(Duration.ofSeconds(30)).until(() -> debrief(id).contains("Added pool saturation alert"));
            assertThat(debrief(id)).contains("A deploy exhausted the connection pool").doesNotContain("Current state:");
            client.put().uri("/api/v1/incidents/" + id + "/debrief/sections/summary").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "card 4111 1111 1111 1111")).exchange().expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.field").isEqualTo("text")
                    .jsonPath("$.type").isEqualTo("https://firebreak.dev/problems/secret-detected");
            client.put().uri("/api/v1/incidents/" + id + "/debrief/sections/gossip").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "x")).exchange().expectStatus().isNotFound();

            String done = followUp(id, "Alert on pool saturation", "Bob", LocalDate.now().plusDays(7), "high");
            String late = followUp(id, "Load-test the pool", "Ana", LocalDate.now().minusDays(1), "medium");
            client.patch().uri("/api/v1/follow-ups/" + done).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("status", "completed")).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("completed").jsonPath("$.completedAt").exists()
                    .jsonPath("$.createdBy.id").isEqualTo(TestTokens.WRITER_ID)
                    .jsonPath("$.updatedBy.name").isEqualTo(TestTokens.WRITER_NAME);
            client.get().uri("/api/v1/follow-ups?state=outstanding&overdue=true&incidentId=" + id).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1)
                    .jsonPath("$[0].followUpId").doesNotExist().jsonPath("$[0].id").isEqualTo(late);
            client.get().uri("/api/v1/follow-ups/stats").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.created").value(n -> assertThat(((Number) n).intValue()).isGreaterThanOrEqualTo(2));
            assertThat(debrief(id)).contains("- [x] Alert on pool saturation — owner Bob, priority high")
                    .contains("- [ ] Load-test the pool — owner Ana");

            client.post().uri("/api/v1/incidents/" + id + "/debrief/complete").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("completedBy", "Ana")).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.field").isEqualTo("completedBy");
            Api.as(client, TestTokens.READER).post().uri("/api/v1/incidents/" + id + "/debrief/complete").exchange()
                    .expectStatus().isForbidden();
            client.post().uri("/api/v1/incidents/" + id + "/debrief/complete").exchange().expectStatus()
                    .isEqualTo(409).expectBody()
                    .jsonPath("$.type").isEqualTo("https://firebreak.dev/problems/rule-violated")
                    .jsonPath("$.field").isEqualTo("risks-and-learnings")
                    .jsonPath("$.missing").isEqualTo(List.of("risks-and-learnings"));
            client.put().uri("/api/v1/incidents/" + id + "/debrief/sections/risks-and-learnings")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "Deploys can exhaust the pool; nothing alerted on saturation."))
                    .exchange().expectStatus().isOk();
            client.post().uri("/api/v1/incidents/" + id + "/debrief/complete").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.state").isEqualTo("completed")
                    .jsonPath("$.debriefUrl").isEqualTo("http://debriefs.acme.test/api/v1/incidents/" + id + "/debrief");
            client.post().uri("/api/v1/incidents/" + id + "/debrief/complete").exchange().expectStatus().isEqualTo(409);
            assertThat(debriefs("completed")).extracting(d -> d.get("incidentId")).contains(id);

            DebriefCompleted published = awaitDebriefCompleted(id);
            assertThat(published.getReference()).startsWith("INC-");
            assertThat(published.getForm()).isEqualTo("FULL");
            assertThat(published.getFollowUpsOutstanding()).isEqualTo(1);
            assertThat(published.getCompletedBy().getId()).as("the person behind the credential")
                    .isEqualTo(TestTokens.WRITER_ID);
            assertThat(published.getCompletedBy().getDisplayName()).isEqualTo(TestTokens.WRITER_NAME);
            assertThat(published.getHeader()).as("the common header, from schema version 4 on").isNotNull();
            assertThat(published.getHeader().getEventId()).isEqualTo(published.getEventId());
            assertThat(published.getHeader().getIncidentId()).isEqualTo(id);
            assertThat(published.getHeader().getSequence()).isZero();
            assertThat(published.getHeader().getOccurredAt()).isEqualTo(published.getCompletedAt());
            assertThat(published.getHeader().getActor()).isEqualTo(published.getCompletedBy());
        }

        try (IncidentStory old = new IncidentStory(broker.getBrokersAsString(), start)) {
            old.declared("Search stale", Severity.MAJOR, true, "search").resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> debriefs("overdue").stream()
                    .anyMatch(d -> d.get("incidentId").equals(old.incidentId)));
            assertThat(debrief(old.incidentId)).contains("Short debrief").contains("## Impact")
                    .doesNotContain("## Key information").doesNotContain("## Risks and learnings");
            Map<String, Object> metrics = client.get().uri("/api/v1/metrics?from=2020-03-02&to=2020-03-03").exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(metrics).containsEntry("count", 1);
            assertThat(metrics.get("bySeverity").toString()).contains("MAJOR={count=1")
                    .contains("timeToResolve={count=1, medianSeconds=360, p90Seconds=360}");
        }
    }

    private DebriefCompleted awaitDebriefCompleted(String incidentId) {
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", broker.getBrokersAsString(), "group.id", "it-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "key.deserializer", StringDeserializer.class,
                "value.deserializer", FirebreakEventDeserializer.class))) {
            consumer.subscribe(List.of(Topics.DEBRIEF_EVENTS));
            List<DebriefCompleted> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add((DebriefCompleted) r.value()));
                return seen.stream().anyMatch(e -> e.getIncidentId().equals(incidentId));
            });
            return seen.stream().filter(e -> e.getIncidentId().equals(incidentId)).findFirst().orElseThrow();
        }
    }

    private String followUp(String incidentId, String title, String owner, LocalDate due, String priority) {
        return (String) client.post().uri("/api/v1/incidents/" + incidentId + "/follow-ups")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", title, "owner", owner,
                        "dueDate", due.toString(), "priority", priority, "externalUrl", "https://linear.example/F-1"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> debriefs(String state) {
        return client.get().uri("/api/v1/debriefs?state=" + state).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream().map(m -> (Map<String, Object>) m)
                .toList();
    }

    private String debrief(String id) {
        return client.get().uri("/api/v1/incidents/" + id + "/debrief").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> timelineBody(String id) {
        return client.get().uri("/api/v1/incidents/" + id + "/timeline").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> timeline(String id) {
        if (jdbc.queryForObject("SELECT count(*) FROM incident WHERE incident_id = ?", Long.class, id) == 0) {
            return List.of();
        }
        return (List<Map<String, Object>>) timelineBody(id).get("entries");
    }
}
