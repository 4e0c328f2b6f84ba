package io.firebreak.statuspage.messaging;

import io.firebreak.support.testing.ConsumerPipelineContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.AdversarialEvents;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import io.firebreak.support.testing.IncidentStory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 13, no poison events: adversarial-but-valid incident events go through the status page's projection with
 * zero dead letters; the page shows each incident's last state and still renders.
 */
@StatusPageIntegrationTest
class AdversarialEventsIT extends ConsumerPipelineContract {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebTestClient client;

    @Test
    void appliesEveryAdversarialButValidEventWithoutADeadLetter() {
        String kafka = broker.getBrokersAsString();
        try (AdversarialEvents full = new AdversarialEvents(kafka); AdversarialEvents ghost = new AdversarialEvents(kafka);
                AdversarialEvents late = new AdversarialEvents(kafka);
                AdversarialEvents kinds = new AdversarialEvents(kafka);
                IncidentStory after = new IncidentStory(kafka)) {
            List<SpecificRecord> story = full.story();
            full.send(story);
            ghost.send(ghost.undeclared());
            late.send(late.atTheEndOfTime());
            kinds.send(kinds.kindsOfIncident());
            after.declared("Behind the adversarial events", Severity.MINOR, false, "search");

            await().atMost(Duration.ofSeconds(60)).until(() -> AdversarialEvents.caughtUp(kafka,
                    "statuspage-service", Topics.INCIDENT_EVENTS));

            // by key, not by the service-wide count: other tests in this context dead-letter on purpose (and a
            // projection replay re-reads their poison records), so only our incidents' absence from the DLT counts
            Set<String> ours = Set.of(full.incidentId, ghost.incidentId, late.incidentId, kinds.incidentId,
                    after.incidentId);
            assertThat(AdversarialEvents.deadLetterKeys(kafka, Topics.INCIDENT_EVENTS, "statuspage"))
                    .noneMatch(ours::contains);

            Map<String, Object> incident = jdbc.queryForMap("SELECT * FROM incident WHERE incident_id = ?",
                    full.incidentId);
            assertThat(incident).containsEntry("status", "CLOSED").containsEntry("severity", "MAJOR")
                    .containsEntry("published", true);
            assertThat(((Number) incident.get("last_sequence")).longValue())
                    .isEqualTo(IncidentEvents.header(story.get(story.size() - 2)).getSequence());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM incident_update WHERE incident_id = ?", Long.class,
                    full.incidentId)).as("customer updates, at the bounds of time").isGreaterThanOrEqualTo(2);

            assertThat(jdbc.queryForObject("SELECT count(*) FROM incident WHERE incident_id = ?", Long.class,
                    ghost.incidentId)).as("never declared: nothing to show").isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM incident_update WHERE incident_id = ?", Long.class,
                    ghost.incidentId)).isZero();

            assertThat(jdbc.queryForMap("SELECT status, last_sequence FROM incident WHERE incident_id = ?",
                    late.incidentId)).containsEntry("status", "RESOLVED").containsEntry("last_sequence", Long.MAX_VALUE);

            assertThat(jdbc.queryForMap("SELECT incident_type, drill, published, status FROM incident"
                    + " WHERE incident_id = ?", kinds.incidentId)).as("a security drill: applied, never published")
                    .containsEntry("incident_type", "SECURITY").containsEntry("drill", true)
                    .containsEntry("published", false).containsEntry("status", "RESOLVED");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> client.get()
                    .uri("/incidents/" + full.incidentId).exchange().expectStatus().isOk());
            client.get().uri("/api/v2/incidents.json").exchange().expectStatus().isOk().expectBody(String.class)
                    .value(body -> assertThat(body).contains(full.incidentId, late.incidentId));
            client.get().uri("/").exchange().expectStatus().isOk();
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM incident WHERE incident_id = ?", Long.class, after.incidentId) == 1);
        }
    }
}
