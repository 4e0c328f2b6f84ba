package io.firebreak.debrief.messaging;

import io.firebreak.support.testing.ConsumerPipelineContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.support.testing.AdversarialEvents;
import io.firebreak.debrief.support.Api;
import io.firebreak.support.testing.TestTokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import io.firebreak.debrief.support.DebriefIntegrationTest;
import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.paging.EscalationAdvanced;
import io.firebreak.schemas.paging.EscalationStopped;
import io.firebreak.schemas.paging.PageAcknowledged;
import io.firebreak.schemas.paging.PageTargetKind;
import io.firebreak.schemas.paging.PageTriggered;
import io.firebreak.schemas.paging.Responder;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.ComponentStatus;
import io.firebreak.schemas.incident.ComponentStatusSet;
import io.firebreak.schemas.incident.CustomerEmailSent;
import io.firebreak.schemas.incident.PublicWordingEdited;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.incident.StatusPageHidden;
import io.firebreak.schemas.incident.StatusPagePublished;
import io.firebreak.schemas.incident.UpdatePosted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Issue 13, no poison events: a topic of adversarial-but-valid incident and paging events goes through the debrief
 * projection with zero dead letters, and the projection shows each incident's last state.
 */
@DebriefIntegrationTest
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
                AdversarialEvents publicSide = new AdversarialEvents(kafka);
                AdversarialEvents ghostPublic = new AdversarialEvents(kafka);
                IncidentStory after = new IncidentStory(kafka)) {
            List<SpecificRecord> story = full.story();
            full.send(story);
            ghost.send(ghost.undeclared());
            late.send(late.atTheEndOfTime());
            List<SpecificRecord> release7 = kinds.kindsOfIncident();
            kinds.send(release7);
            List<SpecificRecord> release8 = release8(publicSide);
            publicSide.send(release8);
            ghostPublic.send(List.of(new StatusPagePublished(ghostPublic.header(), "ghost", null),
                    new CustomerEmailSent(ghostPublic.header(), null, null)));
            List<SpecificRecord> paging = paging(full.incidentId, ghost.header());
            paging.forEach(event -> full.send(Topics.PAGING_EVENTS, event.get(1).toString(), event));
            after.declared("Behind the adversarial events", Severity.MINOR, false, "search");

            await().atMost(Duration.ofSeconds(60)).until(() -> AdversarialEvents.caughtUp(kafka, "debrief-service",
                    Topics.INCIDENT_EVENTS, Topics.PAGING_EVENTS));

            // by key, not by the service-wide count: other tests in this context dead-letter on purpose (and a
            // projection replay re-reads their poison records), so only our incidents' absence from the DLT counts
            Set<String> ours = Set.of(full.incidentId, ghost.incidentId, late.incidentId, kinds.incidentId,
                    publicSide.incidentId, ghostPublic.incidentId, after.incidentId);
            assertThat(AdversarialEvents.deadLetterKeys(kafka, Topics.INCIDENT_EVENTS, "debrief"))
                    .noneMatch(ours::contains);
            assertThat(AdversarialEvents.deadLetterKeys(kafka, Topics.PAGING_EVENTS, "debrief"))
                    .noneMatch(ours::contains);

            Map<String, Object> incident = jdbc.queryForMap("SELECT * FROM incident WHERE incident_id = ?",
                    full.incidentId);
            assertThat(incident).containsEntry("status", "CLOSED").containsEntry("severity", "MAJOR")
                    .containsEntry("resolution", AdversarialEvents.UNICODE);
            assertThat((String) incident.get("title")).hasSizeGreaterThanOrEqualTo(10_000);
            assertThat((String) incident.get("debrief_url")).startsWith("https://debriefs.example/");
            assertThat(((Number) incident.get("last_sequence")).longValue())
                    .isEqualTo(IncidentEvents.header(story.get(story.size() - 2)).getSequence());
            long distinct = story.stream().map(e -> IncidentEvents.header(e).getEventId()).distinct().count();
            assertThat(entries(full.incidentId)).as("one timeline entry per distinct incident and paging event")
                    .isEqualTo(distinct + paging.size() - 2);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM timeline_entry WHERE text LIKE '%\uFFFD%'"
                    + " AND incident_id = ?", Long.class, full.incidentId)).as("NUL replaced").isOne();
            assertThat(jdbc.queryForObject("SELECT acknowledged_at IS NOT NULL FROM paging_milestone"
                    + " WHERE incident_id = ?", Boolean.class, full.incidentId)).isTrue();

            assertThat(jdbc.queryForObject("SELECT count(*) FROM incident WHERE incident_id = ?", Long.class,
                    ghost.incidentId)).as("never declared: no incident row").isZero();
            assertThat(entries(ghost.incidentId)).as("but its timeline is kept").isEqualTo(10);

            // schemas release 8: each status page event an entry, also for an incident never declared
            assertThat(entries(publicSide.incidentId)).as("one entry per distinct event").isEqualTo(release8.size() - 1);
            assertThat(entries(ghostPublic.incidentId)).isEqualTo(2);
            // texts at the bounds make a document larger than the test client buffers by default
            WebTestClient large = Api.as(client, TestTokens.READER).mutate()
                    .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
            assertThat(large.get().uri("/api/v1/incidents/" + publicSide.incidentId + "/debrief").exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                    .contains("**Status page hidden** — Taken off the status page _(", "\uFFFD");

            assertThat(jdbc.queryForMap("SELECT status, last_sequence FROM incident WHERE incident_id = ?",
                    late.incidentId)).containsEntry("status", "RESOLVED").containsEntry("last_sequence", Long.MAX_VALUE);
            Map<String, Object> drill = jdbc.queryForMap("SELECT * FROM incident WHERE incident_id = ?",
                    kinds.incidentId);
            assertThat(drill).containsEntry("incident_type", "SECURITY").containsEntry("drill", true)
                    .containsEntry("cause", "").containsEntry("status", "RESOLVED");
            assertThat(drill.get("identified_at")).isNotNull();
            assertThat(drill.get("contained_at")).isNotNull();
            assertThat(entries(kinds.incidentId)).as("one entry per distinct event")
                    .isEqualTo(release7.stream().map(e -> IncidentEvents.header(e).getEventId()).distinct().count());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM containment_step WHERE incident_id = ?", Long.class,
                    kinds.incidentId)).as("every lever × outcome, and the redelivered step once").isEqualTo(13);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM timeline_entry WHERE incident_id = ? AND text LIKE"
                    + " '%pwd=%'", Long.class, kinds.incidentId)).as("no call password kept").isZero();

            // and what was stored can be read back: timeline (JSON, CSV with the reference in a header), debrief
            WebTestClient reader = Api.as(client, TestTokens.READER);
            for (String id : List.of(full.incidentId, late.incidentId, kinds.incidentId)) {
                reader.get().uri("/api/v1/incidents/" + id + "/timeline").exchange().expectStatus().isOk();
                reader.get().uri("/api/v1/incidents/" + id + "/timeline?format=csv").exchange().expectStatus().isOk();
                reader.get().uri("/api/v1/incidents/" + id + "/debrief").exchange().expectStatus().isOk();
                reader.get().uri("/api/v1/incidents/" + id + "/debrief").accept(MediaType.APPLICATION_JSON).exchange()
                        .expectStatus().isOk();
            }
            reader.get().uri("/api/v1/debriefs").exchange().expectStatus().isOk();
            reader.get().uri("/api/v1/metrics?from=1999-12-31&to=2200-01-01").exchange().expectStatus().isOk();
            reader.get().uri("/api/v1/metrics?from=1999-12-31&to=2200-01-01&includeDrills=true").exchange()
                    .expectStatus().isOk();
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM incident WHERE incident_id = ?", Long.class, after.incidentId) == 1);
        }
    }

    /**
     * Issue 17, schemas release 8: the status page events with texts at the bounds, absent wording, NUL, every
     * component status, a component nobody mapped and a redelivered publication.
     */
    private static List<SpecificRecord> release8(AdversarialEvents major) {
        List<SpecificRecord> events = new ArrayList<>(List.of(major.declared(Severity.MAJOR, true)));
        events.add(new StatusPagePublished(major.header(), AdversarialEvents.longText(20_000), null));
        events.add(new PublicWordingEdited(major.header(), null, null));
        events.add(new PublicWordingEdited(major.header(), "", "before\u0000after " + AdversarialEvents.UNICODE));
        for (ComponentStatus status : ComponentStatus.values()) {
            events.add(new ComponentStatusSet(major.header(), AdversarialEvents.longText(5_000), status));
        }
        events.add(new UpdatePosted(major.header(), AdversarialEvents.longText(300), Audience.CUSTOMER,
                AdversarialEvents.UNICODE, null, null, null, AdversarialEvents.longText(20_000)));
        events.add(new CustomerEmailSent(major.header(), null, AdversarialEvents.longText(20_000)));
        events.add(new StatusPageHidden(major.header(), ""));
        events.add(events.get(1)); // a redelivered publication
        return events;
    }

    private long entries(String incidentId) {
        return jdbc.queryForObject("SELECT count(*) FROM timeline_entry WHERE incident_id = ?", Long.class, incidentId);
    }

    /** Paging events at the bounds: long names, no rotation, many channels, extreme levels, one for a ghost incident. */
    private static List<SpecificRecord> paging(String incidentId, io.firebreak.schemas.incident.EventHeader ghost) {
        List<SpecificRecord> events = new ArrayList<>();
        String pageId = UUID.randomUUID().toString();
        PageTriggered triggered = new PageTriggered(UUID.randomUUID().toString(), incidentId, pageId, Integer.MAX_VALUE,
                new Responder(AdversarialEvents.longText(500), AdversarialEvents.longText(2_000), null),
                AdversarialEvents.services(500), AdversarialEvents.LATEST, null, PageTargetKind.PERSON,
                AdversarialEvents.longText(500), AdversarialEvents.longText(500), Integer.MAX_VALUE, Integer.MAX_VALUE,
                AdversarialEvents.longText(2_000));
        events.add(triggered);
        events.add(triggered); // redelivered
        events.add(new EscalationAdvanced(UUID.randomUUID().toString(), incidentId, Integer.MIN_VALUE,
                Integer.MAX_VALUE, AdversarialEvents.EARLIEST, null));
        events.add(new PageAcknowledged(UUID.randomUUID().toString(), incidentId, pageId,
                AdversarialEvents.UNICODE + AdversarialEvents.longText(1_000), AdversarialEvents.EARLIEST, null));
        events.add(new EscalationStopped(UUID.randomUUID().toString(), incidentId, "", AdversarialEvents.LATEST,
                null));
        events.add(new PageAcknowledged(UUID.randomUUID().toString(), ghost.getIncidentId(), "", "",
                AdversarialEvents.LATEST, ghost));
        return events.stream().collect(Collectors.toList());
    }
}
