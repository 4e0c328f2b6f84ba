package io.firebreak.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.notification.support.FakeSlack;
import io.firebreak.notification.support.FakeSlack.Posted;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.notification.support.Publish;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.debrief.DebriefCompleted;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.IncidentStory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Issue 16, item 3: a Major/Critical incident resolved 48 hours ago (firebreak.notification.debrief.overdue-after)
 * without a DebriefCompleted on firebreak.debrief-events is announced to its lead and in #incidents, once, then daily
 * until the debrief is completed; a Minor never is.
 */
@NotificationIntegrationTest
class DebriefOverdueIT {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    final FakeSlack slack = FakeSlack.get();

    @Test
    void anOverdueDebriefIsAnnouncedOnceThenDailyUntilCompletedAndNeverForAMinor() {
        try (IncidentStory major = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant());
                IncidentStory minor = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            String majorTitle = "Search down " + UUID.randomUUID().toString().substring(0, 8);
            String minorTitle = "Typo " + UUID.randomUUID().toString().substring(0, 8);
            major.declared(majorTitle, Severity.MAJOR, false, "search").role(IncidentRole.INCIDENT_LEAD, "Dora")
                    .resolved();
            minor.declared(minorTitle, Severity.MINOR, false, "web").resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> !posts("#incidents", majorTitle, "Resolved").isEmpty()
                    && !posts("#incidents", minorTitle, "Resolved").isEmpty());

            MutableClock.INSTANCE.advance(Duration.ofHours(47));
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                    .until(() -> overdue("#incidents", majorTitle).isEmpty());
            MutableClock.INSTANCE.advance(Duration.ofHours(2));
            await().atMost(Duration.ofSeconds(30)).until(() -> overdue("#incidents", majorTitle).size() == 1
                    && overdue("DUDORA", majorTitle).size() == 1);
            assertThat(overdue("#incidents", majorTitle).get(0).text()).contains("<@UDORA>").contains("Major")
                    .contains("<#" + major.channelName() + ">");
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> overdue("#incidents", majorTitle).size() == 1);

            MutableClock.INSTANCE.advance(Duration.ofHours(24));
            await().atMost(Duration.ofSeconds(30)).until(() -> overdue("#incidents", majorTitle).size() == 2
                    && overdue("DUDORA", majorTitle).size() == 2);

            completeDebrief(major.incidentId);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM debrief_completion WHERE incident_id = ?", Integer.class, major.incidentId) == 1);
            MutableClock.INSTANCE.advance(Duration.ofHours(25));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> overdue("#incidents", majorTitle).size() == 2);
            assertThat(overdue("#incidents", minorTitle)).as("a Minor incident needs no debrief").isEmpty();
        }
    }

    @Test
    void aClosedIncidentIsNotAnnounced() {
        try (IncidentStory critical = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            String title = "Closed quickly " + UUID.randomUUID().toString().substring(0, 8);
            critical.declared(title, Severity.CRITICAL, false, "payments").resolved().closed("https://debriefs/1");
            await().atMost(Duration.ofSeconds(30)).until(() -> !posts(channelOf(critical), "Closed").isEmpty());
            MutableClock.INSTANCE.advance(Duration.ofHours(49));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> overdue("#incidents", title).isEmpty());
        }
    }

    /** debrief-service's completion, delivered twice as an at-least-once outbox may. */
    private void completeDebrief(String incidentId) {
        String eventId = UUID.randomUUID().toString();
        Instant at = MutableClock.INSTANCE.instant();
        Actor actor = new Actor("dora", "Dora", ActorKind.HUMAN);
        Publish.send(broker.getBrokersAsString(), Topics.DEBRIEF_EVENTS, incidentId, new DebriefCompleted(eventId,
                incidentId, "INC-1", Severity.MAJOR, "FULL", at, actor, "https://debriefs.acme.test/" + incidentId, 0,
                new EventHeader(eventId, incidentId, 0L, at, actor)), 2);
    }

    private String channelOf(IncidentStory story) {
        return slack.createdChannelIds(story.channelName()).stream().findFirst().orElse("none");
    }

    private List<Posted> overdue(String channel, String title) {
        return posts(channel, title, "Debrief overdue");
    }

    private List<Posted> posts(String channel, String... containing) {
        return slack.messages(channel).stream().filter(m -> m.text() != null)
                .filter(m -> List.of(containing).stream().allMatch(m.text()::contains)).toList();
    }
}
