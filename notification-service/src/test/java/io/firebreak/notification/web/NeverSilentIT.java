package io.firebreak.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.notification.support.FakeSlack;
import io.firebreak.notification.support.FakeSlack.Posted;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.notification.support.Publish;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.Person;
import io.firebreak.schemas.incident.RoleAssigned;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.IncidentStory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Issue 16, "Never silent": the update clock of a Major/Critical incident starts at its declaration and reminds the
 * lead (the declarer while there is none); every update, the mitigation and the resolution reach #incidents, and
 * #engineering for Major/Critical.
 */
@NotificationIntegrationTest
class NeverSilentIT {

    @Autowired
    EmbeddedKafkaBroker broker;

    final FakeSlack slack = FakeSlack.get();

    @Test
    void aCriticalWithNoUpdateRemindsItsDeclarerFromDeclarationOnThenItsLead() {
        String incidentId = UUID.randomUUID().toString();
        String reference = "INC-" + (int) (Math.random() * 1_000_000);
        String channel = "inc-silent-" + incidentId.substring(0, 8);
        Instant declaredAt = MutableClock.INSTANCE.instant();
        // declared by Avery, who is in the directory with Slack id UAVERY; nobody leads yet
        Actor avery = new Actor("avery", "Avery", ActorKind.HUMAN);
        Publish.send(broker.getBrokersAsString(), Topics.INCIDENT_EVENTS, incidentId, new IncidentDeclared(
                new EventHeader(UUID.randomUUID().toString(), incidentId, 0L, declaredAt, avery), reference,
                "Checkout silent", "", Severity.CRITICAL, IncidentStatus.INVESTIGATING, true, List.of("checkout"),
                IncidentSource.API, null, "SEV1", null, channel, io.firebreak.schemas.incident.IncidentType.ENGINEERING, false, java.util.List.of()), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> channelId(channel) != null);
        String channelId = channelId(channel);

        MutableClock.INSTANCE.advance(Duration.ofMinutes(14));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                .until(() -> alarms(channelId, null).isEmpty());
        MutableClock.INSTANCE.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> alarms(channelId, null).size() == 1);
        assertThat(alarms(channelId, null).get(0).text()).contains("<@UAVERY>")
                .contains("No update since this critical incident was declared");
        await().atMost(Duration.ofSeconds(30)).until(() -> alarms("DUAVERY", reference).size() == 1);

        // a lead is named: the next reminder, one cadence later, is theirs
        Publish.send(broker.getBrokersAsString(), Topics.INCIDENT_EVENTS, incidentId, new RoleAssigned(
                new EventHeader(UUID.randomUUID().toString(), incidentId, 1L, MutableClock.INSTANCE.instant(), avery),
                IncidentRole.INCIDENT_LEAD, new Person("lena", "Lena", null, "ULENA"), null, false), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !slack.calls("conversations.invite").stream()
                .filter(c -> "ULENA".equals(c.params().get("users")) && channelId.equals(c.params().get("channel")))
                .toList().isEmpty());
        MutableClock.INSTANCE.advance(Duration.ofMinutes(15));
        await().atMost(Duration.ofSeconds(30)).until(() -> alarms(channelId, null).size() == 2);
        assertThat(alarms(channelId, null).get(1).text()).contains("<@ULENA>").doesNotContain("UAVERY");
        await().atMost(Duration.ofSeconds(30)).until(() -> alarms("DULENA", reference).size() == 1);
        assertThat(alarms("DUAVERY", reference)).hasSize(1);
    }

    @Test
    void aMajorIsRemindedAtItsCadenceFromDeclarationAndAMinorIsNot() {
        try (IncidentStory major = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant());
                IncidentStory minor = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            major.declared("Search quiet", Severity.MAJOR, false, "search");
            minor.declared("Typo quiet", Severity.MINOR, false, "web");
            await().atMost(Duration.ofSeconds(30)).until(() -> channelId(major.channelName()) != null
                    && channelId(minor.channelName()) != null);
            String majorChannel = channelId(major.channelName());
            String minorChannel = channelId(minor.channelName());

            MutableClock.INSTANCE.advance(Duration.ofMinutes(29));
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                    .until(() -> alarms(majorChannel, null).isEmpty());
            MutableClock.INSTANCE.advance(Duration.ofMinutes(2));
            // IncidentStory declares as "Ana Lead" (u-ana), who is not in the directory: named, not mentioned
            await().atMost(Duration.ofSeconds(30)).until(() -> alarms(majorChannel, "Ana Lead").size() == 1);
            MutableClock.INSTANCE.advance(Duration.ofMinutes(31));
            await().atMost(Duration.ofSeconds(30)).until(() -> alarms(majorChannel, null).size() == 2);

            // the first update stops the clock since declaration; its own next-update time takes over
            major.at(MutableClock.INSTANCE.instant()).update(Audience.INTERNAL, "Index rebuilding", null, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> !posts(majorChannel, "Index rebuilding").isEmpty());
            MutableClock.INSTANCE.advance(Duration.ofMinutes(20));
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                    .until(() -> alarms(majorChannel, null).size() == 2);
            assertThat(alarms(minorChannel, null)).as("Minor has no fixed cadence").isEmpty();
        }
    }

    @Test
    void updatesMitigationAndResolutionReachIncidentsAndForCriticalEngineeringOnce() {
        try (IncidentStory critical = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant());
                IncidentStory minor = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            critical.declared("Payments broadcast", Severity.CRITICAL, true, "payments")
                    .update(Audience.CUSTOMER, "Card payments fail", "Card payers", "Rolling back").again()
                    .update(Audience.INTERNAL, "Rollback half done", "Card payers", "Watching error rates")
                    .status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING)
                    .resolved().again();
            minor.declared("Typo broadcast", Severity.MINOR, false, "web")
                    .update(Audience.INTERNAL, "A typo on the pricing page", "Visitors", "Fixing the copy")
                    .status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING)
                    .resolved();

            String criticalLink = "<#" + critical.channelName();
            String minorLink = "<#" + minor.channelName();
            await().atMost(Duration.ofSeconds(30)).until(() -> named("#incidents", criticalLink).size() == 5
                    && named("#engineering", criticalLink).size() == 5 && named("#incidents", minorLink).size() == 4);
            // settle: nothing more comes (no duplicates from the redeliveries)
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                    named("#incidents", criticalLink).size() == 5 && named("#engineering", criticalLink).size() == 5
                            && named("#incidents", minorLink).size() == 4);
            assertThat(named("#engineering", minorLink)).as("a Minor incident stays out of #engineering").isEmpty();

            for (String channel : List.of("#incidents", "#engineering")) {
                List<String> texts = named(channel, criticalLink).stream().map(Posted::text).toList();
                assertThat(texts.get(0)).contains("Critical incident declared");
                assertThat(texts.get(1)).contains("Payments broadcast").contains("*Customer update*")
                        .contains("*What is happening:* Card payments fail").contains("*Who is affected:* Card payers")
                        .contains("*What we are doing:* Rolling back").contains("*Next update:* by");
                assertThat(texts.get(2)).contains("*Internal update*").contains("Rollback half done");
                assertThat(texts.get(3)).contains("Mitigated");
                assertThat(texts.get(4)).contains("Resolved: rolled back").contains("mitigated ");
            }
            List<String> minorTexts = named("#incidents", minorLink).stream().map(Posted::text).toList();
            assertThat(minorTexts.get(0)).contains("Minor incident declared");
            assertThat(minorTexts.get(1)).contains("Typo broadcast (Minor").contains("A typo on the pricing page")
                    .contains("*Who is affected:* Visitors").contains("*What we are doing:* Fixing the copy");
            assertThat(minorTexts.get(2)).contains("Mitigated");
            assertThat(minorTexts.get(3)).contains("Resolved: rolled back");
        }
    }

    private List<Posted> alarms(String channel, String containing) {
        return posts(channel, ":alarm_clock:").stream()
                .filter(m -> containing == null || m.text().contains(containing)).toList();
    }

    private List<Posted> posts(String channel, String containing) {
        return slack.messages(channel).stream().filter(m -> m.text() != null && m.text().contains(containing)).toList();
    }

    /** What a named channel (#incidents) holds about one incident (its channel link), oldest first. */
    private List<Posted> named(String channel, String link) {
        return posts(channel, link);
    }

    private String channelId(String channelName) {
        return slack.createdChannelIds(channelName).stream().findFirst().orElse(null);
    }
}
