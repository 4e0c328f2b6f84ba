package io.firebreak.notification.messaging;

import io.firebreak.support.testing.ConsumerPipelineContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.support.testing.AdversarialEvents;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.CauseIdentified;
import io.firebreak.schemas.incident.ComponentStatus;
import io.firebreak.schemas.incident.ComponentStatusSet;
import io.firebreak.schemas.incident.CustomerEmailSent;
import io.firebreak.schemas.incident.ContainmentLever;
import io.firebreak.schemas.incident.ContainmentOutcome;
import io.firebreak.schemas.incident.ContainmentStepRecorded;
import io.firebreak.schemas.incident.ExposureKind;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.PublicWordingEdited;
import io.firebreak.schemas.incident.RoleAssigned;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.incident.StatusPageHidden;
import io.firebreak.schemas.incident.StatusPagePublished;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.schemas.incident.VideoBridgeAttached;
import io.firebreak.support.testing.IncidentStory;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Issue 13, no poison events: adversarial-but-valid incident events go through notification-service with zero dead
 * letters; the incident row shows the last state, the channel name is cut to Slack's 80 characters, events for an
 * incident never declared are skipped (nothing to post to), and no timer they scheduled is stuck.
 */
@NotificationIntegrationTest
class AdversarialEventsIT extends ConsumerPipelineContract {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void appliesEveryAdversarialButValidEventWithoutADeadLetter() {
        String kafka = broker.getBrokersAsString();
        try (AdversarialEvents full = new AdversarialEvents(kafka); AdversarialEvents ghost = new AdversarialEvents(kafka);
                AdversarialEvents late = new AdversarialEvents(kafka);
                IncidentStory after = new IncidentStory(kafka, MutableClock.INSTANCE.instant())) {
            List<SpecificRecord> story = full.story();
            full.send(story);
            ghost.send(ghost.undeclared());
            late.send(late.atTheEndOfTime());
            after.declared("Behind the adversarial events", Severity.MINOR, false, "search");

            await().atMost(Duration.ofSeconds(60)).until(() -> AdversarialEvents.caughtUp(kafka,
                    "notification-service", Topics.INCIDENT_EVENTS));

            // by key, not by the service-wide count: other tests in this context dead-letter on purpose (and a
            // projection replay re-reads their poison records), so only our incidents' absence from the DLT counts
            Set<String> ours = Set.of(full.incidentId, ghost.incidentId, late.incidentId, after.incidentId);
            assertThat(AdversarialEvents.deadLetterKeys(kafka, Topics.INCIDENT_EVENTS, "notification"))
                    .noneMatch(ours::contains);

            Map<String, Object> incident = jdbc.queryForMap("SELECT * FROM incident WHERE incident_id = ?",
                    full.incidentId);
            assertThat(incident).containsEntry("status", "CLOSED").containsEntry("severity", "MAJOR")
                    .containsEntry("comms_owner_name", AdversarialEvents.UNICODE);
            assertThat((String) incident.get("lead_name")).hasSizeGreaterThanOrEqualTo(1_000);
            String channel = (String) incident.get("channel_name");
            assertThat(channel.codePointCount(0, channel.length())).as("Slack's limit").isEqualTo(80);
            assertThat(((Number) incident.get("last_sequence")).longValue())
                    .isEqualTo(IncidentEvents.header(story.get(story.size() - 2)).getSequence());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM slack_message WHERE incident_id = ? AND text LIKE"
                    + " '%\uFFFD%'", Long.class, full.incidentId)).as("the decision with a NUL, posted").isOne();

            assertThat(jdbc.queryForObject("SELECT count(*) FROM incident WHERE incident_id = ?", Long.class,
                    ghost.incidentId)).as("never declared").isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM slack_message WHERE incident_id = ?", Long.class,
                    ghost.incidentId)).as("skipped: no channel to post to").isZero();

            assertThat(jdbc.queryForMap("SELECT status, last_sequence FROM incident WHERE incident_id = ?",
                    late.incidentId)).containsEntry("status", "RESOLVED").containsEntry("last_sequence", Long.MAX_VALUE);

            // timers the adversarial updates scheduled in the past fire (a timer that threw would stay pending)
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT count(*) FROM timer"
                    + " WHERE incident_id IN (?, ?, ?) AND state = 'PENDING' AND due_at < ?", Long.class,
                    full.incidentId, ghost.incidentId, late.incidentId,
                    Timestamp.from(MutableClock.INSTANCE.instant())) == 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM incident WHERE incident_id = ?", Long.class, after.incidentId) == 1);
        }
    }

    /**
     * Issue 16, schemas release 7: a security drill with every containment lever and outcome, notes and causes far
     * longer than Slack takes, links Slack cannot link, the same investigator joining twice, redeliveries, and the new
     * events for an incident never declared: all applied, none dead-lettered, and the pinned summary still renders.
     */
    @Test
    void theEventsOfRelease7ApplyWithoutADeadLetterAndTheSummaryStillRenders() {
        String kafka = broker.getBrokersAsString();
        try (AdversarialEvents drill = new AdversarialEvents(kafka); AdversarialEvents ghost = new AdversarialEvents(kafka)) {
            IncidentDeclared declared = drill.declared(Severity.CRITICAL, true);
            declared.setDrill(true);
            declared.setIncidentType(IncidentType.SECURITY);
            declared.setSuspectedExposure(List.of(ExposureKind.values()));
            List<SpecificRecord> events = new ArrayList<>(List.of(declared));
            for (ContainmentLever lever : ContainmentLever.values()) {
                for (ContainmentOutcome outcome : ContainmentOutcome.values()) {
                    events.add(new ContainmentStepRecorded(drill.header(), lever, outcome,
                            AdversarialEvents.longText(5_000)));
                }
            }
            events.add(new ContainmentStepRecorded(drill.header(), ContainmentLever.DEPLOY_ROLLBACK,
                    ContainmentOutcome.CONTAINED, "before\u0000after " + AdversarialEvents.UNICODE));
            events.add(new CauseIdentified(drill.header(), ""));
            String longCause = AdversarialEvents.longText(20_000);
            events.add(new CauseIdentified(drill.header(), longCause));
            events.add(new VideoBridgeAttached(drill.header(), "javascript:alert(1)"));
            events.add(new VideoBridgeAttached(drill.header(), "https://meet.example.com/a|b>c <@U1>"));
            events.add(new VideoBridgeAttached(drill.header(), "https://meet.example.com/"
                    + AdversarialEvents.longText(5_000)));
            events.add(new RoleAssigned(drill.header(), IncidentRole.INVESTIGATION_OWNER,
                    AdversarialEvents.person(AdversarialEvents.UNICODE), null, true));
            events.add(new RoleAssigned(drill.header(), IncidentRole.INVESTIGATION_OWNER,
                    AdversarialEvents.person(AdversarialEvents.UNICODE), null, true));
            events.add(events.get(3)); // a redelivered step
            drill.send(events);
            ghost.send(List.of(new ContainmentStepRecorded(ghost.header(), ContainmentLever.DATA_CORRECTION,
                    ContainmentOutcome.CONTAINED, "ghost"), new CauseIdentified(ghost.header(), "ghost"),
                    new VideoBridgeAttached(ghost.header(), "https://meet.example.com/ghost")));

            await().atMost(Duration.ofSeconds(60)).until(() -> AdversarialEvents.caughtUp(kafka,
                    "notification-service", Topics.INCIDENT_EVENTS));
            assertThat(AdversarialEvents.deadLetterKeys(kafka, Topics.INCIDENT_EVENTS, "notification"))
                    .noneMatch(Set.of(drill.incidentId, ghost.incidentId)::contains);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM containment_step WHERE incident_id = ?", Long.class,
                    drill.incidentId)).as("every step once").isEqualTo(13);
            Map<String, Object> incident = jdbc.queryForMap("SELECT drill, incident_type, cardinality(suspected_exposure)"
                    + " AS exposures, cause, investigators, video_bridge_url FROM incident"
                    + " WHERE incident_id = ?", drill.incidentId);
            assertThat(incident).containsEntry("drill", true).containsEntry("incident_type", "SECURITY")
                    .containsEntry("exposures", 4);
            assertThat(incident.get("cause")).as("the later cause, whole").isEqualTo(longCause);
            assertThat((String) incident.get("video_bridge_url")).startsWith("https://meet.example.com/")
                    .hasSizeGreaterThan(5_000);
            assertThat(jdbc.queryForObject("SELECT cardinality(investigators) FROM incident WHERE incident_id = ?",
                    Integer.class, drill.incidentId)).as("joined once").isOne();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM containment_step WHERE incident_id = ?", Long.class,
                    ghost.incidentId)).as("skipped: never declared").isZero();
            // the summary shows the newest version: rendered (cut to Slack's limits) and edited without a refusal
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM slack_summary s"
                    + " JOIN incident i ON i.incident_id = s.incident_id WHERE i.incident_id = ?"
                    + " AND s.rendered_version = i.summary_version", Long.class, drill.incidentId) == 1);
        }
    }

    /**
     * Issue 17, schemas release 8: the status page events with texts far longer than Slack takes, empty and absent
     * wording, NUL, every component status, a component nobody mapped, redeliveries, and the events for an incident
     * never declared: all applied, none dead-lettered; the summary still renders and stakeholders are mailed once.
     */
    @Test
    void theEventsOfRelease8ApplyWithoutADeadLetterAndTheSummaryStillRenders() {
        String kafka = broker.getBrokersAsString();
        try (AdversarialEvents major = new AdversarialEvents(kafka); AdversarialEvents ghost = new AdversarialEvents(kafka)) {
            List<SpecificRecord> events = new ArrayList<>(List.of(major.declared(Severity.MAJOR, true)));
            events.add(new StatusPagePublished(major.header(), AdversarialEvents.longText(20_000),
                    AdversarialEvents.longText(20_000)));
            events.add(new StatusPagePublished(major.header(), null, null));
            events.add(new PublicWordingEdited(major.header(), null, null));
            events.add(new PublicWordingEdited(major.header(), "", "before\u0000after " + AdversarialEvents.UNICODE));
            for (ComponentStatus status : ComponentStatus.values()) {
                events.add(new ComponentStatusSet(major.header(), AdversarialEvents.longText(5_000), status));
            }
            events.add(new ComponentStatusSet(major.header(), "", ComponentStatus.OPERATIONAL));
            events.add(new UpdatePosted(major.header(), AdversarialEvents.longText(300), Audience.CUSTOMER,
                    AdversarialEvents.longText(20_000), AdversarialEvents.UNICODE, "", null,
                    AdversarialEvents.longText(20_000)));
            events.add(new CustomerEmailSent(major.header(), AdversarialEvents.longText(20_000), null));
            events.add(new CustomerEmailSent(major.header(), null, null));
            events.add(new StatusPageHidden(major.header(), AdversarialEvents.longText(20_000)));
            events.add(events.get(1)); // a redelivered publication
            major.send(events);
            ghost.send(List.of(new StatusPagePublished(ghost.header(), "ghost", null),
                    new CustomerEmailSent(ghost.header(), null, null)));

            await().atMost(Duration.ofSeconds(60)).until(() -> AdversarialEvents.caughtUp(kafka,
                    "notification-service", Topics.INCIDENT_EVENTS));
            assertThat(AdversarialEvents.deadLetterKeys(kafka, Topics.INCIDENT_EVENTS, "notification"))
                    .noneMatch(Set.of(major.incidentId, ghost.incidentId)::contains);
            Map<String, Object> incident = jdbc.queryForMap("SELECT status_page, went_public_at IS NOT NULL AS public,"
                    + " customer_email_sent_at IS NOT NULL AS mailed FROM incident WHERE incident_id = ?",
                    major.incidentId);
            assertThat(incident).containsEntry("status_page", "HIDDEN").containsEntry("public", true)
                    .containsEntry("mailed", true);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM slack_message WHERE incident_id = ? AND message_id"
                    + " LIKE '%:published'", Long.class, major.incidentId)).as("each publication once").isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM stakeholder_email WHERE incident_id = ?", Long.class,
                    major.incidentId)).as("the update, to each stakeholder address").isEqualTo(2);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM slack_summary s"
                    + " JOIN incident i ON i.incident_id = s.incident_id WHERE i.incident_id = ?"
                    + " AND s.rendered_version = i.summary_version", Long.class, major.incidentId) == 1);
        }
    }
}
