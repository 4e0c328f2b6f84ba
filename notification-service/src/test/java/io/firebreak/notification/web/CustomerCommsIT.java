package io.firebreak.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.notification.support.FakeProviders;
import io.firebreak.notification.support.FakeSlack;
import io.firebreak.notification.support.FakeSlack.Posted;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.notification.support.SlackMessages;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.ComponentStatus;
import io.firebreak.schemas.incident.ComponentStatusSet;
import io.firebreak.schemas.incident.CustomerEmailSent;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.Person;
import io.firebreak.schemas.incident.PublicWordingEdited;
import io.firebreak.schemas.incident.RoleAssigned;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.incident.StatusChanged;
import io.firebreak.schemas.incident.StatusPageHidden;
import io.firebreak.schemas.incident.StatusPagePublished;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Issue 17, the e-mails and prompts the policies require (docs/process.md, Customer messages and Stakeholder updates):
 * stakeholder e-mail read back from GreenMail, "client comms after 15 min", the customer e-mail's reminder, and the
 * channel lines of the comms owner's status page work. Events are published as incident-command does; time jumps with
 * the shared clock.
 */
@NotificationIntegrationTest
class CustomerCommsIT {

    private static final String STAKEHOLDERS = "stakeholders@acme.test";
    private static final String CS_LEAD = "cs-lead@acme.test";
    private static final Actor ALEX = new Actor("u-alex", "Alex", ActorKind.HUMAN);

    @Autowired
    EmbeddedKafkaBroker broker;

    final FakeSlack slack = FakeSlack.get();
    final FakeProviders providers = FakeProviders.get();

    /** One producer for the class (as incident-command's: same serde, keyed by incident id). */
    private static KafkaProducer<String, SpecificRecord> producer;

    private KafkaProducer<String, SpecificRecord> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.getBrokersAsString(), "acks", "all",
                    "key.serializer", StringSerializer.class, "value.serializer", FirebreakEventSerializer.class));
        }
        return producer;
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    @Test
    void stakeholdersAreMailedEveryUpdateOfAMajorItsMitigationAndResolutionButNothingOfAMinor() {
        Story major = new Story(Severity.MAJOR, "Search is slow", IncidentType.ENGINEERING);
        Story minor = new Story(Severity.MINOR, "Pricing typo", IncidentType.ENGINEERING);
        major.send(new RoleAssigned(major.header(), IncidentRole.INCIDENT_LEAD, new Person("u-lena", "Lena", null,
                "ULENA"), null, false));
        UpdatePosted update = new UpdatePosted(major.header(), UUID.randomUUID().toString(), Audience.INTERNAL,
                "Index rebuild stalled; mail ops@acme.test", "Shoppers searching", "Restarting the indexer",
                major.at.plus(Duration.ofMinutes(30)), null);
        major.send(update).send(update); // the second is a redelivery
        major.send(new StatusChanged(major.header(), IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING,
                "indexer back"));
        major.send(new IncidentResolved(major.header(), "indexer restarted", major.at, major.at));
        minor.send(new UpdatePosted(minor.header(), UUID.randomUUID().toString(), Audience.INTERNAL, "Wrong price shown",
                null, null, null, null));
        minor.send(new StatusChanged(minor.header(), IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> mails(STAKEHOLDERS, major.reference).size() == 3
                && mails(CS_LEAD, major.reference).size() == 3);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> mails(STAKEHOLDERS, major.reference).size() == 3);
        List<MimeMessage> mails = mails(STAKEHOLDERS, major.reference);
        assertThat(mails.stream().map(CustomerCommsIT::subject).map(s -> s.substring(s.lastIndexOf(':') + 2)))
                .containsExactlyInAnyOrder("internal update", "mitigated", "resolved");
        MimeMessage updateMail = about(mails, ": internal update");
        assertThat(subject(updateMail)).isEqualTo("[Firebreak] " + major.reference + " · Major · " + major.title
                + ": internal update");
        assertThat(body(updateMail)).contains(major.reference + " · Major · " + major.title, "Status: Investigating",
                "Lead: Lena", "Internal update, ", "What is happening: Index rebuild stalled; mail [REDACTED:email]",
                "Who is affected: Shoppers searching", "What we are doing: Restarting the indexer", "Next update: ",
                "Channel: ", "Incident: http://firebreak.acme.test/api/v1/incidents/" + major.incidentId)
                .doesNotContain("ops@acme.test");
        assertThat(body(about(mails, ": mitigated"))).contains("Status: Monitoring", "Mitigated at ", "indexer back",
                "The impact should be over");
        assertThat(body(about(mails, ": resolved"))).contains("Resolution: indexer restarted");
        assertThat(mails(STAKEHOLDERS, minor.reference)).as("a Minor incident is not mailed").isEmpty();
    }

    @Test
    void aSecurityIncidentsStakeholderEmailNamesNoDetailsAndADrillIsNotMailed() {
        Story security = new Story(Severity.CRITICAL, "Tokens leaked by the export", IncidentType.SECURITY);
        Story drill = new Story(Severity.CRITICAL, "Practice outage", IncidentType.ENGINEERING, true);
        security.send(new UpdatePosted(security.header(), UUID.randomUUID().toString(), Audience.INTERNAL,
                "Export wrote tokens to the log", "Export users", "Rotating the tokens", null, null));
        drill.send(new UpdatePosted(drill.header(), UUID.randomUUID().toString(), Audience.INTERNAL, "Pretend outage",
                null, null, null, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> mails(STAKEHOLDERS, security.reference).size() == 1);
        MimeMessage mail = mails(STAKEHOLDERS, security.reference).get(0);
        assertThat(subject(mail)).isEqualTo("[Firebreak] " + security.reference
                + " · Critical · security incident: internal update");
        assertThat(body(mail)).contains("security incident", "Details stay in the incident channel")
                .doesNotContain("Tokens leaked", "Export wrote tokens", "Rotating");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> mails(STAKEHOLDERS, drill.reference).isEmpty());
    }

    @Test
    void aMajorWithNothingPublicAfter15MinutesPromptsItsCommsOwnerOnceAndAPublishedOneIsNotPrompted() {
        Story silent = new Story(Severity.MAJOR, "Checkout slow", IncidentType.ENGINEERING);
        Story published = new Story(Severity.MAJOR, "Login slow", IncidentType.ENGINEERING);
        Story minor = new Story(Severity.MINOR, "Avatar missing", IncidentType.ENGINEERING);
        silent.send(new RoleAssigned(silent.header(), IncidentRole.COMMS_OWNER, new Person("u-cleo", "Cleo", null,
                "UCLEO"), null, false));
        published.send(new StatusPagePublished(published.header(ALEX), "Login is degraded", "Some sign-ins fail."));
        published.send(new PublicWordingEdited(published.header(ALEX), "Sign-in is degraded", null));
        published.send(new ComponentStatusSet(published.header(ALEX), "component-nobody-mapped-" + "x".repeat(300),
                ComponentStatus.PARTIAL_OUTAGE));
        published.send(new StatusPageHidden(published.header(ALEX), "wrong component"));
        String silentChannel = silent.channelId();
        String publishedChannel = published.channelId();
        String minorChannel = minor.channelId();

        await().atMost(Duration.ofSeconds(30)).until(() -> posts(publishedChannel, "took the incident off").size() == 1);
        assertThat(posts(publishedChannel, "Alex published the incident on the status page as “Login is degraded”: Some"
                + " sign-ins fail.")).hasSize(1);
        assertThat(posts(publishedChannel, "Alex changed the status page's title to “Sign-in is degraded”")).hasSize(1);
        assertThat(posts(publishedChannel, "Alex set component-nobody-mapped-xxx")).singleElement()
                .satisfies(p -> assertThat(p.text()).contains("to partial outage on the status page"));
        assertThat(posts(publishedChannel, "Alex took the incident off the status page: wrong component")).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> summaryText(publishedChannel).contains(
                "*Status page:*\nhidden"));

        MutableClock.INSTANCE.advance(Duration.ofMinutes(14));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> prompts(silentChannel).isEmpty());
        MutableClock.INSTANCE.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> prompts(silentChannel).size() == 1);
        assertThat(prompts(silentChannel).get(0).text()).contains("<@UCLEO>", "nothing is public 15 minutes",
                "/inc update", "firebreak incident publish " + silent.reference);
        MutableClock.INSTANCE.advance(Duration.ofMinutes(20));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> prompts(silentChannel).size() == 1 && prompts(publishedChannel).isEmpty()
                        && prompts(minorChannel).isEmpty());
    }

    @Test
    void aCustomerUpdateMeetsClientCommsAndTheCustomerEmailIsRemindedOnceAfter24HoursUnlessSent() {
        Story updated = new Story(Severity.CRITICAL, "Payments fail", IncidentType.ENGINEERING);
        Story mailed = new Story(Severity.MAJOR, "Invoices late", IncidentType.ENGINEERING);
        updated.send(new UpdatePosted(updated.header(), UUID.randomUUID().toString(), Audience.CUSTOMER,
                "Card payments fail", "Card payers", "Rolling back", null, "Pay by bank transfer meanwhile"));
        updated.send(new IncidentResolved(updated.header(), "rolled back", updated.at, updated.at));
        mailed.send(new CustomerEmailSent(mailed.header(ALEX), "Invoices were late on Tuesday", null));
        String updatedChannel = updated.channelId();
        String mailedChannel = mailed.channelId();
        await().atMost(Duration.ofSeconds(30)).until(() -> posts(mailedChannel,
                "Alex sent the customer e-mail “Invoices were late on Tuesday”").size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mails(STAKEHOLDERS, updated.reference).size() == 2);
        assertThat(body(about(mails(STAKEHOLDERS, updated.reference), ": customer update"))).contains("Customer update, ",
                "What customers can do: Pay by bank transfer meanwhile");

        MutableClock.INSTANCE.advance(Duration.ofHours(23));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> emailReminders(updatedChannel).isEmpty() && prompts(updatedChannel).isEmpty());
        MutableClock.INSTANCE.advance(Duration.ofHours(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> emailReminders(updatedChannel).size() == 1);
        // the declarer (Ana, u-ana, not in the directory) is named: there is no comms owner and no lead
        assertThat(emailReminders(updatedChannel).get(0).text()).contains("Ana", "24 hours after its declaration",
                "within 24 hours of resolution");
        MutableClock.INSTANCE.advance(Duration.ofHours(1));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> emailReminders(updatedChannel).size() == 1 && emailReminders(mailedChannel).isEmpty()
                        && prompts(updatedChannel).isEmpty());
    }

    private List<Posted> prompts(String channel) {
        return posts(channel, "nothing is public");
    }

    private List<Posted> emailReminders(String channel) {
        return posts(channel, "No customer e-mail yet");
    }

    private List<Posted> posts(String channel, String containing) {
        return slack.messages(channel).stream().filter(m -> m.text() != null && m.text().contains(containing)).toList();
    }

    private String summaryText(String channel) {
        return slack.messages(channel).stream().filter(m -> !SlackMessages.buttons(m.blocks()).isEmpty())
                .map(m -> SlackMessages.blockText(m.blocks())).findFirst().orElse("");
    }

    /** The e-mails to {@code address} about one incident, oldest first. */
    private List<MimeMessage> mails(String address, String reference) {
        return Arrays.stream(providers.smtp().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address))
                        && m.getSubject().contains(reference + " ");
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static MimeMessage about(List<MimeMessage> mails, String suffix) {
        return mails.stream().filter(m -> subject(m).endsWith(suffix)).findFirst().orElseThrow();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One incident's events as incident-command publishes them: keyed by incident id, numbered from 0. */
    private final class Story {

        final String incidentId = UUID.randomUUID().toString();
        final String reference = "INC-" + (100_000 + (int) (Math.random() * 800_000));
        final String title;
        final String channelName = "inc-comms-" + incidentId.substring(0, 8);
        long sequence;
        Instant at = MutableClock.INSTANCE.instant();

        Story(Severity severity, String title, IncidentType type) {
            this(severity, title, type, false);
        }

        Story(Severity severity, String title, IncidentType type, boolean drill) {
            this.title = title;
            // a service of no catalog entry: no Critical here is taken for one the status page publishes at once
            send(new IncidentDeclared(header(), reference, title, "", severity, IncidentStatus.INVESTIGATING, true,
                    List.of("svc-" + incidentId.substring(0, 8)), IncidentSource.API, null, severity.name(), null,
                    channelName, type, drill, List.of()));
        }

        EventHeader header() {
            return header(new Actor("u-ana", "Ana", ActorKind.HUMAN));
        }

        EventHeader header(Actor actor) {
            at = at.plusSeconds(10);
            return new EventHeader(UUID.randomUUID().toString(), incidentId, sequence++, at, actor);
        }

        Story send(SpecificRecord event) {
            try {
                producer().send(new ProducerRecord<>(Topics.INCIDENT_EVENTS, incidentId, event)).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        String channelId() {
            return await().atMost(Duration.ofSeconds(30)).until(() -> slack.createdChannelIds(channelName).stream()
                    .findFirst().orElse(null), id -> id != null);
        }
    }
}
