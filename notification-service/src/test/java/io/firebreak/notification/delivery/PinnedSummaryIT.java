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
import io.firebreak.notification.support.Publish;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.CauseIdentified;
import io.firebreak.schemas.incident.ContainmentLever;
import io.firebreak.schemas.incident.ContainmentOutcome;
import io.firebreak.schemas.incident.ContainmentStepRecorded;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.ExposureKind;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.Person;
import io.firebreak.schemas.incident.RoleAssigned;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.incident.SeverityChanged;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.schemas.incident.VideoBridgeAttached;
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

    /**
     * Issue 16: a security incident's summary shows its type and SECURITY, both investigators, the containment
     * checklist (a late step too), the identified cause and the call; the channel hears each; #engineering hears only
     * its reference, severity and channel; its page says SECURITY.
     */
    @Test
    void theSummaryShowsTypeInvestigatorsContainmentTheCauseAndTheCallAndEngineeringHearsNoDetails() {
        String id = UUID.randomUUID().toString();
        String reference = "INC-S" + (int) (Math.random() * 1_000_000);
        String channelName = "inc-sec-" + id.substring(0, 8);
        String kafka = broker.getBrokersAsString();
        Actor ana = new Actor("u-ana", "Ana Lead", ActorKind.HUMAN);
        long[] sequence = {0};
        java.util.function.Supplier<EventHeader> header = () -> new EventHeader(UUID.randomUUID().toString(), id,
                sequence[0]++, MutableClock.INSTANCE.instant(), ana);
        Publish.send(kafka, Topics.INCIDENT_EVENTS, id, new IncidentDeclared(header.get(), reference,
                "Customer export leaks tokens", "an export file held API tokens", Severity.CRITICAL,
                IncidentStatus.INVESTIGATING, true, List.of("payments"), IncidentSource.API, null, "SEV1", null,
                channelName, IncidentType.SECURITY, false, List.of(ExposureKind.CREDENTIALS)), 1);
        EventHeader lateStep = header.get();
        for (SpecificRecord event : List.<SpecificRecord>of(
                new RoleAssigned(header.get(), IncidentRole.INVESTIGATION_OWNER, new Person("u-ivo", "Ivo", null, null),
                        null, false),
                new RoleAssigned(header.get(), IncidentRole.INVESTIGATION_OWNER, new Person("u-jo", "Jo", null, null),
                        null, true),
                new ContainmentStepRecorded(header.get(), ContainmentLever.FEATURE_FLAG_OFF,
                        ContainmentOutcome.NOT_APPLICABLE, "no flag guards the export"),
                new ContainmentStepRecorded(header.get(), ContainmentLever.DEPLOY_ROLLBACK, ContainmentOutcome.CONTAINED,
                        "back on release 41"),
                new CauseIdentified(header.get(), "debug logging left on in release 42"),
                new VideoBridgeAttached(header.get(), "https://meet.example.com/inc-sec"),
                new UpdatePosted(header.get(), UUID.randomUUID().toString(), Audience.INTERNAL, "Tokens rotated",
                        null, null, null, null),
                // late: sequence 1, after everything else; a step still counts
                new ContainmentStepRecorded(lateStep, ContainmentLever.MIGRATION_ROLLBACK,
                        ContainmentOutcome.NOT_APPLICABLE, ""))) {
            Publish.send(kafka, Topics.INCIDENT_EVENTS, id, event, 1);
        }
        String channel = await().atMost(Duration.ofSeconds(30))
                .until(() -> slack.createdChannelIds(channelName).stream().findFirst().orElse(null), c -> c != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String text = summary(channel) == null ? "" : SlackMessages.blockText(summary(channel).blocks());
            return text.contains("Migration rollback: does not apply") && text.contains("*Identified:* debug logging")
                    && text.contains("Join the call") && text.contains("Tokens rotated");
        });
        Posted summary = summary(channel);
        assertThat(SlackMessages.blockText(summary.blocks())).contains(
                ":lock: SECURITY · :rotating_light: " + reference + ": Customer export leaks tokens",
                "*Type:*\nSecurity · suspected exposure: credentials", "*Investigators:*\nIvo, Jo",
                ":heavy_minus_sign: Feature flag off: does not apply", "— no flag guards the export",
                ":white_check_mark: Deploy rollback: contained", "— back on release 41",
                ":heavy_minus_sign: Migration rollback: does not apply", ":white_circle: Data correction: not tried yet",
                "*Identified:* debug logging left on in release 42",
                "<https://meet.example.com/inc-sec|Join the call>");
        assertThat(SlackMessages.buttons(summary.blocks())).containsKeys("firebreak_join_call",
                "firebreak_post_update", "firebreak_change_status", "firebreak_assign_roles");
        assertThat(summary.blocks()).contains("\"url\":\"https://meet.example.com/inc-sec\"");

        await().atMost(Duration.ofSeconds(30)).until(() -> texts(channel).stream()
                .anyMatch(t -> t.startsWith(":telephone_receiver: Video bridge: https://meet.example.com/inc-sec")));
        assertThat(texts(channel)).contains(":shield: Containment: Deploy rollback contained — back on release 41",
                ":shield: Containment: Feature flag off does not apply — no flag guards the export",
                ":mag: Identified: debug logging left on in release 42", ":bust_in_silhouette: Jo joins the investigation owners");

        String link = "<#" + channelName + ">";
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.messages("#engineering").stream()
                .filter(m -> m.text().contains(link)).count() == 2);
        assertThat(slack.messages("#engineering").stream().filter(m -> m.text().contains(link)).map(Posted::text))
                .containsExactly(":lock: *" + reference + "* · Critical · security incident: declared. Details stay in "
                        + link + ".", ":lock: *" + reference + "* · Critical · security incident: internal update"
                        + " posted. Details stay in " + link + ".");
        assertThat(slack.messages("#incidents").stream().filter(m -> m.text().contains(link)).map(Posted::text))
                .anyMatch(t -> t.contains("Customer export leaks tokens")).anyMatch(t -> t.contains("Tokens rotated"));
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.messages("DUAVERY").stream()
                .anyMatch(m -> m.text().contains(reference)));
        assertThat(slack.messages("DUAVERY").stream().filter(m -> m.text().contains(reference)).findFirst()
                .orElseThrow().text()).startsWith(":rotating_light: :lock: *SECURITY* You are paged for " + reference);
    }

    private List<String> texts(String channel) {
        return slack.messages(channel).stream().map(Posted::text).filter(t -> t != null).toList();
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
