package io.firebreak.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.notification.support.Api;
import io.firebreak.notification.support.FakeSlack;
import io.firebreak.notification.support.FakeSlack.Call;
import io.firebreak.notification.support.FakeSlack.Posted;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.notification.support.Paging;
import io.firebreak.notification.support.SlackMessages;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.incident.SeverityChanged;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
import io.firebreak.support.testing.IncidentStory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The pinned summary as Block Kit, edited in place (chat.update) as the incident changes, and the page DM's
 * Acknowledge button, through Kafka, PostgreSQL and the official Slack client against the Slack stand-in.
 */
@NotificationIntegrationTest
class PinnedSummaryIT {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    WebTestClient client;

    final FakeSlack slack = FakeSlack.get();

    @BeforeEach
    void signIn() {
        client = Api.asWriter(anonymous);
    }

    @Test
    void theSummaryShowsTheLeadNamedAtDeclarationAndIsEditedInPlaceOnEveryChange() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Checkout is failing", Severity.MAJOR, true, "checkout")
                    .role(IncidentRole.INCIDENT_LEAD, "Ana");
            String channel = await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.createdChannelIds(story.channelName()).stream().findFirst().orElse(null),
                            id -> id != null);
            Posted first = await().atMost(Duration.ofSeconds(30)).until(() -> summary(channel), s -> s != null
                    && SlackMessages.blockText(s.blocks()).contains("*Lead:*\nAna"));
            await().atMost(Duration.ofSeconds(30)).until(() -> slack.isPinned(channel, first.ts()));
            assertThat(SlackMessages.buttons(first.blocks())).containsExactly(
                    Map.entry("firebreak_post_update", story.incidentId),
                    Map.entry("firebreak_change_status", story.incidentId),
                    Map.entry("firebreak_assign_roles", story.incidentId));
            assertThat(SlackMessages.blockText(first.blocks())).contains("Checkout is failing", "*Severity:*\nMajor",
                    "*Status:*\nInvestigating", "*Customer impact:*\nyes · checkout", "*Comms owner:*\nnot assigned yet",
                    "*Latest update:* none yet", "http://firebreak.acme.test/api/v1/incidents/" + story.incidentId);
            assertThat(jdbc.queryForObject("SELECT ts FROM slack_summary WHERE incident_id = ?", String.class,
                    story.incidentId)).as("the pinned message's ts is kept").isEqualTo(first.ts());

            story.role(IncidentRole.COMMS_OWNER, "Cleo").role(IncidentRole.INVESTIGATION_OWNER, "Ivo")
                    .update(Audience.INTERNAL, "Card payments fail", "Card payers in the EU", "Rolling back release 42")
                    .status(IncidentStatus.INVESTIGATING, IncidentStatus.FIXING)
                    .impact(true, "checkout", "payments");
            severityChanged(story.incidentId, Severity.MAJOR, Severity.CRITICAL);

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                String text = SlackMessages.blockText(summary(channel).blocks());
                return text.contains("*Severity:*\nCritical") && text.contains("*Status:*\nFixing")
                        && text.contains("*Comms owner:*\nCleo") && text.contains("*Investigator:*\nIvo")
                        && text.contains("*What is happening:* Card payments fail")
                        && text.contains("*Customer impact:*\nyes · checkout, payments");
            });
            Posted now = summary(channel);
            assertThat(now.ts()).as("the same message, edited").isEqualTo(first.ts());
            assertThat(SlackMessages.blockText(now.blocks())).contains("*Lead:*\nAna",
                    "*Who is affected:* Card payers in the EU", "*What we are doing:* Rolling back release 42",
                    "*Next update:* due by");
            assertThat(SlackMessages.buttons(now.blocks())).containsKeys("firebreak_post_update",
                    "firebreak_change_status", "firebreak_assign_roles").containsValue(story.incidentId);

            List<Call> edits = slack.calls("chat.update").stream()
                    .filter(c -> channel.equals(c.params().get("channel"))).toList();
            assertThat(edits).isNotEmpty().allSatisfy(c -> assertThat(c.params()).containsEntry("ts", first.ts()));
            Call last = edits.get(edits.size() - 1);
            assertThat(SlackMessages.blockText(last.params().get("blocks"))).contains("Critical", "Fixing", "Cleo",
                    "Ivo", "Card payments fail");
            assertThat(SlackMessages.buttons(last.params().get("blocks"))).hasSize(3);
            assertThat(edits.size()).as("edits are coalesced: at most one per change").isLessThanOrEqualTo(6);
            assertThat(slack.messages(channel).stream().filter(m -> !SlackMessages.buttons(m.blocks()).isEmpty()))
                    .as("one summary in the channel").hasSize(1);
        }
    }

    @Test
    void aPageDmHasAnAcknowledgeButtonCarryingThePageId() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Payments down", Severity.CRITICAL, true, "payments");
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(client, story.incidentId).size() == 1);
            Map<String, Object> page = Paging.pages(client, story.incidentId).get(0);
            String pageId = (String) page.get("pageId");
            Posted dm = await().atMost(Duration.ofSeconds(30)).until(() -> slack.messages("DUAVERY").stream()
                    .filter(m -> SlackMessages.buttons(m.blocks()).containsValue(pageId)).findFirst().orElse(null),
                    m -> m != null);
            assertThat(SlackMessages.buttons(dm.blocks())).containsExactly(Map.entry("firebreak_ack_page", pageId));
            assertThat(dm.text()).as("the signed link stays for clients without buttons")
                    .contains("https://oncall.acme.test/ack/");
            assertThat(SlackMessages.firebreakId(dm)).isEqualTo("page:" + pageId);
        }
    }

    private Posted summary(String channel) {
        return slack.messages(channel).stream().filter(m -> SlackMessages.firebreakId(m) != null
                && SlackMessages.firebreakId(m).endsWith(":summary")).findFirst().orElse(null);
    }

    /** IncidentStory has no severity change: sent here, after the story's events (a higher sequence). */
    private void severityChanged(String incidentId, Severity from, Severity to) {
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", broker.getBrokersAsString(), "acks", "all",
                "key.serializer", StringSerializer.class, "value.serializer", FirebreakEventSerializer.class))) {
            EventHeader header = new EventHeader(UUID.randomUUID().toString(), incidentId, 1000L, Instant.now(),
                    new Actor("u-ana", "Ana Lead", ActorKind.HUMAN));
            producer.send(new ProducerRecord<>(Topics.INCIDENT_EVENTS, incidentId,
                    new SeverityChanged(header, from, to, "checkout is down for everyone"))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
