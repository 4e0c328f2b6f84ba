package io.firebreak.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.command.support.Api;
import io.firebreak.command.support.IncidentCommandIntegrationTest;
import io.firebreak.command.support.TopicReader;
import io.firebreak.schemas.incident.CauseIdentified;
import io.firebreak.schemas.incident.ContainmentLever;
import io.firebreak.schemas.incident.ContainmentOutcome;
import io.firebreak.schemas.incident.ContainmentStepRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 16, item 13 through the HTTP API, PostgreSQL and the topic: the containment checklist in the order of
 * docs/process.md#containment (409 naming the lever to record first), NOT_APPLICABLE only with a reason, second tries,
 * the "identified" milestone, and the checklist as the incident view shows it.
 */
@IncidentCommandIntegrationTest
class ContainmentIT {

    @Autowired
    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void leversAreRecordedInThePoliciesOrderAndTheViewShowsTheChecklist() {
        String id = (String) Api.declare(client, Map.of("title", "Refunds double-booked", "severity", "MAJOR"))
                .get("id");
        String containment = "/api/v1/incidents/" + id + "/containment";

        Api.post(client, containment, Map.of("lever", "deploy-rollback", "outcome", "contained"))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://firebreak.dev/problems/rule-violated")
                .jsonPath("$.rule").isEqualTo("containment-out-of-order")
                .jsonPath("$.field").isEqualTo("lever")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("record FEATURE_FLAG_OFF before DEPLOY_ROLLBACK, or mark it NOT_APPLICABLE"));
        Api.post(client, containment, Map.of("lever", "FEATURE_FLAG_OFF", "outcome", "NOT_APPLICABLE"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("note");

        Api.post(client, containment, Map.of("lever", "feature-flag-off", "outcome", "not-applicable",
                        "note", "No flag guards refunds"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.containment[*].lever").isEqualTo(List.of("FEATURE_FLAG_OFF", "DEPLOY_ROLLBACK",
                        "MIGRATION_ROLLBACK", "DATA_CORRECTION"))
                .jsonPath("$.containment[0].pending").isEqualTo(false)
                .jsonPath("$.containment[0].outcome").isEqualTo("NOT_APPLICABLE")
                .jsonPath("$.containment[0].note").isEqualTo("No flag guards refunds")
                .jsonPath("$.containment[0].recordedBy.id").isEqualTo("u-tess")
                .jsonPath("$.containment[1].pending").isEqualTo(true)
                .jsonPath("$.containedAt").doesNotExist();
        Api.post(client, containment, Map.of("lever", "DEPLOY_ROLLBACK", "outcome", "NOT_CONTAINED",
                "note", "Rolled back to 41")).expectStatus().isOk();
        // a second try of the same lever
        Api.post(client, containment, Map.of("lever", "DEPLOY_ROLLBACK", "outcome", "CONTAINED",
                        "note", "Rolled back to 40"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.containment[1].outcome").isEqualTo("CONTAINED")
                .jsonPath("$.containment[1].note").isEqualTo("Rolled back to 40")
                .jsonPath("$.containment[1].attempts").isEqualTo(2)
                .jsonPath("$.containment[2].pending").isEqualTo(true)
                .jsonPath("$.containedAt").value(at -> assertThat(Instant.parse((String) at)).isBeforeOrEqualTo(
                        Instant.now()));

        Api.post(client, "/api/v1/incidents/" + id + "/identified", Map.of("cause", "Deploy 41 retried refunds"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.cause").isEqualTo("Deploy 41 retried refunds")
                .jsonPath("$.identifiedAt").isNotEmpty();
        String identifiedAt = Api.get(client, "/api/v1/incidents/" + id).expectBody(Map.class).returnResult()
                .getResponseBody().get("identifiedAt").toString();
        // a corrected cause keeps the time it was first identified
        Api.post(client, "/api/v1/incidents/" + id + "/identified",
                        Map.of("cause", "Deploy 41 retried refunds without an idempotency key"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.cause").isEqualTo("Deploy 41 retried refunds without an idempotency key")
                .jsonPath("$.identifiedAt").isEqualTo(identifiedAt);

        Api.post(client, "/api/v1/incidents/" + id + "/resolve", Map.of("resolution", "Refunds reconciled"))
                .expectStatus().isOk();
        Api.post(client, containment, Map.of("lever", "MIGRATION_ROLLBACK", "outcome", "CONTAINED"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.field").isEqualTo("status");

        Api.get(client, "/api/v1/incidents/" + id + "/events").expectBody()
                .jsonPath("$[?(@.type == 'ContainmentStepRecorded')].data.lever")
                .isEqualTo(List.of("FEATURE_FLAG_OFF", "DEPLOY_ROLLBACK", "DEPLOY_ROLLBACK"))
                .jsonPath("$[?(@.type == 'CauseIdentified')].data.cause").isEqualTo(List.of(
                        "Deploy 41 retried refunds", "Deploy 41 retried refunds without an idempotency key"));

        try (TopicReader topic = new TopicReader(broker.getBrokersAsString())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.eventsOf(id).size() >= 7);
            List<SpecificRecord> published = topic.eventsOf(id);
            assertThat(published).filteredOn(ContainmentStepRecorded.class::isInstance)
                    .map(ContainmentStepRecorded.class::cast)
                    .extracting(ContainmentStepRecorded::getLever, ContainmentStepRecorded::getOutcome,
                            ContainmentStepRecorded::getNote)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(ContainmentLever.FEATURE_FLAG_OFF,
                                    ContainmentOutcome.NOT_APPLICABLE, "No flag guards refunds"),
                            org.assertj.core.groups.Tuple.tuple(ContainmentLever.DEPLOY_ROLLBACK,
                                    ContainmentOutcome.NOT_CONTAINED, "Rolled back to 41"),
                            org.assertj.core.groups.Tuple.tuple(ContainmentLever.DEPLOY_ROLLBACK,
                                    ContainmentOutcome.CONTAINED, "Rolled back to 40"));
            assertThat(published).filteredOn(CauseIdentified.class::isInstance).hasSize(2);
        }
    }

    /** The aggregate loads from a snapshot (every 5 events in tests): what it knows of levers and investigators holds. */
    @Test
    void theChecklistAndTheInvestigatorsSurviveASnapshot() {
        String id = (String) Api.declare(client, Map.of("title", "Invoices sent twice", "severity", "MAJOR"))
                .get("id");
        String incident = "/api/v1/incidents/" + id;
        Api.post(client, incident + "/containment", Map.of("lever", "FEATURE_FLAG_OFF", "outcome", "NOT_CONTAINED"))
                .expectStatus().isOk();
        Api.post(client, incident + "/roles/INVESTIGATION_OWNER/members",
                Map.of("assignee", Map.of("id", "u-bob", "name", "Bob"))).expectStatus().isOk();
        for (int i = 0; i < 6; i++) {
            Api.post(client, incident + "/notes", Map.of("kind", "EVIDENCE", "text", "invoice run " + i))
                    .expectStatus().isOk();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, id)).isPositive();

        Api.post(client, incident + "/containment", Map.of("lever", "MIGRATION_ROLLBACK", "outcome", "CONTAINED"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("record DEPLOY_ROLLBACK before MIGRATION_ROLLBACK"));
        Api.post(client, incident + "/roles/INVESTIGATION_OWNER/members",
                Map.of("assignee", Map.of("id", "u-bob", "name", "Bob"))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("role-unchanged");
        client.put().uri(incident + "/roles/COMMS_OWNER").headers(h -> h.setBearerAuth(Api.WRITER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("assignee", Map.of("id", "u-bob", "name", "Bob")))
                .exchange().expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.rule").isEqualTo("roles-must-be-distinct");
        Api.post(client, incident + "/containment", Map.of("lever", "DEPLOY_ROLLBACK", "outcome", "CONTAINED"))
                .expectStatus().isOk();
    }

    @Test
    void aStepWithoutANoteIsPublishedWithAnEmptyNote() {
        String id = (String) Api.declare(client, Map.of("title", "Search quota exceeded", "severity", "MINOR"))
                .get("id");
        Api.post(client, "/api/v1/incidents/" + id + "/containment",
                        Map.of("lever", "FEATURE_FLAG_OFF", "outcome", "CONTAINED"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.containment[0].note").isEqualTo("")
                .jsonPath("$.containedAt").isNotEmpty();
        try (TopicReader topic = new TopicReader(broker.getBrokersAsString())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.eventsOf(id).size() >= 2);
            assertThat(((ContainmentStepRecorded) topic.eventsOf(id).get(1)).getNote()).isEmpty();
        }
    }
}
