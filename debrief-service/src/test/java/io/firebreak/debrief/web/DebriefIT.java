package io.firebreak.debrief.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.debrief.support.Api;
import io.firebreak.debrief.support.DebriefIntegrationTest;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.debrief.DebriefCompleted;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.ComponentStatus;
import io.firebreak.schemas.incident.ComponentStatusSet;
import io.firebreak.schemas.incident.CustomerEmailSent;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.PublicWordingEdited;
import io.firebreak.schemas.incident.StatusPageHidden;
import io.firebreak.schemas.incident.StatusPagePublished;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.schemas.paging.PageAcknowledged;
import io.firebreak.schemas.incident.ContainmentLever;
import io.firebreak.schemas.incident.ContainmentOutcome;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.serde.FirebreakEventDeserializer;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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

    /**
     * Issue 16 items 12-13: containment steps, the identified milestone and a video bridge enter the timeline and
     * the debrief (checklist, time to identify and contain); a drill keeps its timeline and debrief, marked DRILL,
     * and is left out of the metrics unless asked for.
     */
    @Test
    @SuppressWarnings("unchecked")
    void containmentAndTheIdentifiedMilestoneEnterTheTimelineAndMetricsButDrillsStayOut() {
        Instant start = Instant.parse("2021-05-03T09:00:00Z");
        String id;
        String drillId;
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), start);
                IncidentStory drill = new IncidentStory(broker.getBrokersAsString(), start)) {
            // declared at 09:00:30; each event 30 s after the one before
            story.declared("Card data may have leaked from checkout", Severity.CRITICAL, true, IncidentType.SECURITY,
                    false, "checkout")
                    .role(IncidentRole.INVESTIGATION_OWNER, "Bob").joins(IncidentRole.INVESTIGATION_OWNER, "Cy")
                    .containment(ContainmentLever.FEATURE_FLAG_OFF, ContainmentOutcome.NOT_CONTAINED,
                            "checkout-v2 flag off, errors continue")
                    .containment(ContainmentLever.DEPLOY_ROLLBACK, ContainmentOutcome.CONTAINED,
                            "rolled back to 2026.11.24-2")
                    .identified("A debug log line printed card numbers")
                    .videoBridge("https://meet.example/abc-defg-hij?pwd=hunter2")
                    .resolved();
            drill.declared("Game day: checkout down", Severity.CRITICAL, true, IncidentType.ENGINEERING, true,
                    "checkout").identified("The drill script stopped checkout").resolved();
            id = story.incidentId;
            drillId = drill.incidentId;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(id).size() == 8 && timeline(drillId).size() == 3);

        List<Map<String, Object>> entries = timeline(id);
        assertThat(entries).extracting(e -> (String) e.get("kind")).containsExactly("DECLARED", "ROLE_ASSIGNED",
                "ROLE_ASSIGNED", "CONTAINMENT_STEP", "CONTAINMENT_STEP", "IDENTIFIED", "VIDEO_BRIDGE", "RESOLVED");
        assertThat(entries.get(2)).containsEntry("text", "Cy joins as Investigation owner");
        assertThat(entries.get(4)).containsEntry("actorName", "Ana Lead")
                .containsEntry("text", "Containment: Deploy rollback — contained: rolled back to 2026.11.24-2")
                .containsEntry("containment", Map.of("lever", "DEPLOY_ROLLBACK", "outcome", "CONTAINED",
                        "note", "rolled back to 2026.11.24-2"));
        assertThat(entries.get(5)).containsEntry("text", "Identified: A debug log line printed card numbers");
        assertThat(entries.get(6)).as("no meeting password in the record")
                .containsEntry("text", "Video bridge attached: https://meet.example/abc-defg-hij");
        Map<String, Object> body = timelineBody(id);
        assertThat(body).containsEntry("incidentType", "SECURITY").containsEntry("drill", false);
        assertThat((Map<String, Object>) body.get("milestones")).containsEntry("identified", "2021-05-03T09:03:00Z")
                .containsEntry("contained", "2021-05-03T09:02:30Z");
        assertThat((Map<String, Object>) body.get("metrics")).containsEntry("timeToIdentifySeconds", 150)
                .containsEntry("timeToContainSeconds", 120);

        String markdown = debrief(id);
        assertThat(markdown).contains("type: security").contains("- Type: Security")
                .contains("Investigation owner=Bob, Cy").contains("- Cause: A debug log line printed card numbers")
                .contains("**Containment step** — Containment: Feature flag off — not contained: checkout-v2 flag off")
                .contains("- [ ] Turn the feature off — not contained\n  - `2021-05-03 09:02 UTC` not contained:"
                        + " checkout-v2 flag off, errors continue _(Ana Lead)_")
                .contains("- [x] Roll back the deploy — contained").contains("- [ ] Correct the data — not recorded")
                .contains("Contained 2021-05-03 09:02 UTC (+2 min after declaration). Identified 2021-05-03 09:03 UTC"
                        + " (+2 min after declaration): A debug log line printed card numbers")
                .doesNotContain("hunter2");
        client.get().uri("/api/v1/incidents/" + id + "/debrief").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.incidentType").isEqualTo("SECURITY").jsonPath("$.drill").isEqualTo(false)
                .jsonPath("$.containment.length()").isEqualTo(4)
                .jsonPath("$.containment[1].lever").isEqualTo("DEPLOY_ROLLBACK")
                .jsonPath("$.containment[1].state").isEqualTo("CONTAINED")
                .jsonPath("$.containment[1].steps[0].note").isEqualTo("rolled back to 2026.11.24-2")
                .jsonPath("$.containment[2].state").isEqualTo("NOT_RECORDED");

        assertThat(debrief(drillId)).startsWith("# DRILL — Incident debrief: ")
                .contains("A drill, not an incident: left out of the metrics.")
                .contains("- DRILL: a drill, not an incident; left out of the metrics")
                .contains("**Declared** — DRILL: declared INC-");
        client.get().uri("/api/v1/incidents/" + drillId + "/debrief").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.drill").isEqualTo(true)
                .jsonPath("$.state").isEqualTo("overdue");
        assertThat(timelineBody(drillId)).containsEntry("drill", true);
        client.get().uri("/api/v1/incidents/" + drillId + "/timeline?format=csv").exchange().expectStatus().isOk()
                .expectHeader().value("Content-Disposition", disposition -> assertThat(disposition)
                        .contains("filename=\"DRILL-INC-"));
        assertThat(debriefs("overdue")).filteredOn(d -> drillId.equals(d.get("incidentId"))).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("drill", true));

        Map<String, Object> metrics = metrics("/api/v1/metrics?from=2021-05-03&to=2021-05-04");
        assertThat(metrics).containsEntry("count", 1).containsEntry("drills", 1).containsEntry("drillsIncluded", false);
        Map<String, Object> critical = (Map<String, Object>) ((Map<String, Object>) metrics.get("bySeverity"))
                .get("CRITICAL");
        assertThat(critical).containsEntry("count", 1)
                .containsEntry("timeToIdentify", Map.of("count", 1, "medianSeconds", 150, "p90Seconds", 150))
                .containsEntry("timeToContain", Map.of("count", 1, "medianSeconds", 120, "p90Seconds", 120))
                .containsEntry("timeToResolve", Map.of("count", 1, "medianSeconds", 540, "p90Seconds", 540));
        Map<String, Object> withDrills = metrics("/api/v1/metrics?from=2021-05-03&to=2021-05-04&includeDrills=true");
        assertThat(withDrills).containsEntry("count", 2).containsEntry("drills", 1).containsEntry("drillsIncluded", true);
        assertThat(((Map<String, Object>) ((Map<String, Object>) withDrills.get("bySeverity")).get("CRITICAL")))
                .containsEntry("count", 2)
                .containsEntry("timeToIdentify", Map.of("count", 2, "medianSeconds", 30, "p90Seconds", 150));
        client.get().uri("/api/v1/metrics?includeDrills=maybe").exchange().expectStatus().isBadRequest();
    }

    /**
     * The console's insights: response times per severity and month (mean, median, p90), incidents per affected
     * service and follow-up completion per month; drills out unless asked for; bad periods refused naming the field.
     */
    @Test
    @SuppressWarnings("unchecked")
    void insightsGiveResponseTimesBySeverityAndMonthIncidentsPerServiceAndFollowUpCompletion() throws Exception {
        String first;
        String second;
        String major;
        try (IncidentStory a = new IncidentStory(broker.getBrokersAsString(), Instant.parse("2019-01-10T09:00:00Z"));
                IncidentStory b = new IncidentStory(broker.getBrokersAsString(), Instant.parse("2019-01-20T09:00:00Z"));
                IncidentStory c = new IncidentStory(broker.getBrokersAsString(), Instant.parse("2019-02-05T09:00:00Z"));
                IncidentStory drill = new IncidentStory(broker.getBrokersAsString(),
                        Instant.parse("2019-02-06T09:00:00Z"))) {
            // detected 5 min before each story starts, declared 30 s after; a: resolved 60 s in (360 s after
            // detection), b: 90 s in (390 s)
            a.declared("Checkout and payments down", Severity.CRITICAL, true, "checkout", "payments").resolved();
            b.declared("Checkout slow", Severity.CRITICAL, true, "checkout").note("looking").resolved();
            c.declared("Checkout errors", Severity.MAJOR, true, "checkout");
            drill.declared("Game day", Severity.CRITICAL, true, IncidentType.ENGINEERING, true, "checkout").resolved();
            first = a.incidentId;
            second = b.incidentId;
            major = c.incidentId;
        }
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", broker.getBrokersAsString(), "acks", "all",
                "key.serializer", StringSerializer.class, "value.serializer", FirebreakEventSerializer.class))) {
            // a's page acknowledged 90 s in: 390 s after detection
            producer.send(new ProducerRecord<>(Topics.PAGING_EVENTS, first, new PageAcknowledged(
                    UUID.randomUUID().toString(), first, UUID.randomUUID().toString(), "Blake",
                    Instant.parse("2019-01-10T09:01:30Z"), null))).get();
        }
        String period = "/api/v1/metrics/insights?from=2019-01-01&to=2019-03-01";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> cell = cell(metrics(period), "2019-01", "CRITICAL");
            return ((Map<String, Object>) cell.get("timeToResolve")).get("count").equals(2)
                    && ((Map<String, Object>) cell.get("timeToAcknowledge")).get("count").equals(1)
                    && timeline(major).size() == 1 && metrics(period + "&includeDrills=true").get("count").equals(4);
        });

        Map<String, Object> insights = metrics(period);
        assertThat(insights).containsEntry("count", 3).containsEntry("drillsIncluded", false)
                .containsEntry("months", List.of("2019-01", "2019-02"));
        assertThat((List<?>) insights.get("responseTimes")).hasSize(6);
        Map<String, Object> janCritical = cell(insights, "2019-01", "CRITICAL");
        assertThat(janCritical).containsEntry("count", 2)
                .containsEntry("timeToResolve", Map.of("count", 2, "meanSeconds", 375, "medianSeconds", 360,
                        "p90Seconds", 390))
                .containsEntry("timeToMitigate", Map.of("count", 2, "meanSeconds", 375, "medianSeconds", 360,
                        "p90Seconds", 390))
                .containsEntry("timeToAcknowledge", Map.of("count", 1, "meanSeconds", 390, "medianSeconds", 390,
                        "p90Seconds", 390));
        assertThat(cell(insights, "2019-01", "MAJOR")).containsEntry("count", 0);
        assertThat((Map<String, Object>) cell(insights, "2019-01", "MAJOR").get("timeToResolve"))
                .containsEntry("count", 0).containsEntry("meanSeconds", null);
        assertThat(cell(insights, "2019-02", "MAJOR")).containsEntry("count", 1);
        assertThat(cell(insights, "2019-02", "CRITICAL")).as("the drill stays out").containsEntry("count", 0);
        assertThat((List<Map<String, Object>>) insights.get("incidentsPerService")).containsExactly(
                Map.of("service", "checkout", "count", 3, "critical", 2, "major", 1, "minor", 0),
                Map.of("service", "payments", "count", 1, "critical", 1, "major", 0, "minor", 0));
        assertThat((List<Map<String, Object>>) insights.get("followUps")).extracting(f -> f.get("month"), f -> f.get(
                "created")).containsExactly(org.assertj.core.groups.Tuple.tuple("2019-01", 0),
                org.assertj.core.groups.Tuple.tuple("2019-02", 0));

        Map<String, Object> withDrills = metrics(period + "&includeDrills=true");
        assertThat(cell(withDrills, "2019-02", "CRITICAL")).containsEntry("count", 1);
        assertThat(((List<Map<String, Object>>) withDrills.get("incidentsPerService")).get(0))
                .containsEntry("service", "checkout").containsEntry("count", 4);

        // follow-ups count in the month they are created (now): two more, one of them completed
        String recent = "/api/v1/metrics/insights?from=" + Instant.now().minus(Duration.ofMinutes(5)) + "&to="
                + Instant.now().plus(Duration.ofHours(1));
        int[] before = followUpTotals(metrics(recent));
        String done = followUp(second, "Alert on checkout latency", "dana", LocalDate.now().plusDays(7), "high");
        followUp(second, "Load test checkout", "eli", LocalDate.now().plusDays(14), "medium");
        client.patch().uri("/api/v1/follow-ups/" + done).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "completed")).exchange().expectStatus().isOk();
        int[] after = followUpTotals(metrics(recent));
        assertThat(after[0] - before[0]).as("created").isEqualTo(2);
        assertThat(after[1] - before[1]).as("completed").isEqualTo(1);

        client.get().uri("/api/v1/metrics/insights?from=2019-03-01&to=2019-01-01").exchange().expectStatus()
                .isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("from");
        client.get().uri("/api/v1/metrics/insights?from=2000-01-01&to=2019-01-01").exchange().expectStatus()
                .isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("from");
        client.get().uri(u -> u.path("/api/v1/metrics/insights").queryParam("to", "{to}")
                .build("+1000000000-12-31T23:59:59Z")).exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.field").isEqualTo("to");
        client.get().uri("/api/v1/metrics/insights?from=soon").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("from");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cell(Map<String, Object> insights, String month, String severity) {
        return ((List<Map<String, Object>>) insights.get("responseTimes")).stream()
                .filter(r -> month.equals(r.get("month")) && severity.equals(r.get("severity"))).findFirst()
                .orElseThrow();
    }

    /** Follow-ups created and completed over every month of an insights answer. */
    @SuppressWarnings("unchecked")
    private static int[] followUpTotals(Map<String, Object> insights) {
        int[] totals = new int[2];
        for (Map<String, Object> month : (List<Map<String, Object>>) insights.get("followUps")) {
            totals[0] += (Integer) month.get("created");
            totals[1] += (Integer) month.get("completed");
        }
        return totals;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metrics(String uri) {
        return client.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
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

    @Test
    void theStatusPageWorkAndWhatCustomersCanDoEnterTheTimelineUnderWhoDidIt() {
        Instant start = Instant.parse("2021-06-07T10:00:00Z");
        String id;
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), start)) {
            story.declared("cart-svc v42 (pg pool exhausted)", Severity.MAJOR, true, "checkout");
            id = story.incidentId;
        }
        Actor alex = new Actor("u-alex", "Alex", ActorKind.HUMAN);
        Instant at = start.plusSeconds(60);
        // published as incident-command does, after the declaration (sequence 0)
        send(id, new UpdatePosted(header(id, 1, at, alex), UUID.randomUUID().toString(), Audience.CUSTOMER,
                "Checkout is slow", "Shoppers", "Adding capacity", null, "Retry the payment or write to help@shop.example"),
                new StatusPagePublished(header(id, 2, at.plusSeconds(10), alex), "Checkout is degraded", null),
                new PublicWordingEdited(header(id, 3, at.plusSeconds(20), alex), null, "Payments may fail."),
                new ComponentStatusSet(header(id, 4, at.plusSeconds(30), alex), "no-such-component",
                        ComponentStatus.MAJOR_OUTAGE),
                new StatusPageHidden(header(id, 5, at.plusSeconds(40), alex), "wrong component"),
                new CustomerEmailSent(header(id, 6, at.plusSeconds(50), alex), null, null),
                new CustomerEmailSent(header(id, 7, at.plusSeconds(60), alex), "Checkout was degraded", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(id).size() == 8);

        List<Map<String, Object>> entries = timeline(id);
        assertThat(entries).extracting(e -> (String) e.get("kind")).containsExactly("DECLARED", "UPDATE",
                "STATUS_PAGE_PUBLISHED", "PUBLIC_WORDING_EDITED", "COMPONENT_STATUS_SET", "STATUS_PAGE_HIDDEN",
                "CUSTOMER_EMAIL_SENT", "CUSTOMER_EMAIL_SENT");
        assertThat(entries.subList(1, 8)).allSatisfy(e -> assertThat(e).containsEntry("actorName", "Alex"));
        assertThat(entries).extracting(e -> (String) e.get("text")).containsSubsequence(
                "Customer update: Checkout is slow What customers can do: Retry the payment or write to help@shop.example",
                "Published on the status page as “Checkout is degraded”",
                "Public wording edited: message “Payments may fail.”",
                "Status page component no-such-component set to major outage",
                "Taken off the status page: wrong component",
                "Customer e-mail sent",
                "Customer e-mail sent: “Checkout was degraded”");
        assertThat(debrief(id)).contains(
                "**Status page published** — Published on the status page as “Checkout is degraded” _(Alex)_",
                "**Component status set** — Status page component no-such-component set to major outage _(Alex)_",
                "**Customer email sent** — Customer e-mail sent: “Checkout was degraded” _(Alex)_",
                "What customers can do: Retry the payment or write to [REDACTED:email]").doesNotContain("help@shop");
        assertThat(client.get().uri("/api/v1/incidents/" + id + "/debrief").accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .contains("Taken off the status page: wrong component");
    }

    private static EventHeader header(String incidentId, long sequence, Instant at, Actor actor) {
        return new EventHeader(UUID.randomUUID().toString(), incidentId, sequence, at, actor);
    }

    private void send(String incidentId, SpecificRecord... events) {
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", broker.getBrokersAsString(), "acks", "all",
                "key.serializer", StringSerializer.class, "value.serializer", FirebreakEventSerializer.class))) {
            for (SpecificRecord event : events) {
                producer.send(new ProducerRecord<>(Topics.INCIDENT_EVENTS, incidentId, event)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
