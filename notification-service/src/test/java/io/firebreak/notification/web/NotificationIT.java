package io.firebreak.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.notification.support.Paging;
import io.firebreak.notification.support.Api;
import io.firebreak.notification.support.FakeSlack;
import io.firebreak.notification.support.FakeSlack.Call;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.notification.support.SlackMessages;
import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.paging.EscalationStopped;
import io.firebreak.schemas.paging.PageAcknowledged;
import io.firebreak.schemas.paging.PageTriggered;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.support.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

@NotificationIntegrationTest
class NotificationIT {

    @Autowired
    WebTestClient anonymous;

    /** Tess, the writer: every scope but admin. */
    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    final FakeSlack slack = FakeSlack.get();

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void signIn() {
        client = Api.asWriter(anonymous);
    }

    @Test
    void aCriticalIncidentGetsItsChannelPinnedSummaryAnnouncementsAndUpdates() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            slack.takeName(story.channelName());
            story.declared("Checkout is failing", Severity.CRITICAL, true, "checkout").again();

            String channelName = story.channelName() + "-2";
            await().atMost(Duration.ofSeconds(30)).until(() -> posts("#incidents", story.channelName()).size() == 1
                    && posts("#engineering", story.channelName()).size() == 1 && !pins(channelName).isEmpty());
            Call created = slack.calls("conversations.create").stream()
                    .filter(c -> c.params().get("name").equals(channelName)).findFirst().orElseThrow();
            String channelId = channelIdOf(channelName);
            assertThat(created).isNotNull();
            assertThat(slack.calls("conversations.setTopic")).anySatisfy(c -> {
                assertThat(c.params()).containsEntry("channel", channelId);
                assertThat(c.params().get("topic")).contains("Critical").contains("Investigating").contains("Checkout is failing");
            });
            List<Call> inChannel = posts(channelId, null);
            assertThat(inChannel).first().satisfies(summary -> {
                // Block Kit since issue 15 (PinnedSummaryIT shows the edits); the text is the notification fallback
                assertThat(summary.params().get("text")).contains("Checkout is failing").contains("Critical");
                assertThat(SlackMessages.blockText(summary.params().get("blocks"))).contains("*Severity:*\nCritical")
                        .contains("*Lead:*\nnot assigned yet").contains("http://firebreak.acme.test/api/v1/incidents/");
                assertThat(pins(channelName).get(0).params().get("timestamp")).isNotBlank();
            });
            assertThat(posts("#incidents", story.channelName()).get(0).params().get("text")).contains("<#" + story.channelName());

            story.role(IncidentRole.INCIDENT_LEAD, "Ana")
                    .update(Audience.INTERNAL, "Card payments fail", "Card payers", "Rolling back")
                    .note(NoteKind.DECISION, "Roll back release 42")
                    .note(NoteKind.EVIDENCE, "not posted: evidence stays in the timeline")
                    .status(IncidentStatus.INVESTIGATING, IncidentStatus.FIXING)
                    .again();
            await().atMost(Duration.ofSeconds(30)).until(() -> posts(channelId, null).size() >= 5);
            List<String> texts = posts(channelId, null).stream().map(c -> c.params().get("text"))
                    .filter(t -> !t.startsWith(":raising_hand:") && !t.startsWith(":loudspeaker:")).toList();
            assertThat(texts).hasSize(5);
            assertThat(texts.get(1)).contains("Ana is now Incident lead");
            assertThat(texts.get(2)).contains("*What is happening:* Card payments fail").contains("*Next update:* by");
            assertThat(texts.get(3)).contains("Decision: Roll back release 42");
            assertThat(texts.get(4)).contains("Status Investigating → Fixing");
            assertThat(slack.calls("conversations.invite")).anySatisfy(c -> assertThat(c.params())
                    .containsEntry("channel", channelId).containsEntry("users", "UANA"));
            await().atMost(Duration.ofSeconds(30)).until(() -> !posts("#incidents", "Investigating → Fixing").isEmpty()
                    && !posts("#engineering", "Investigating → Fixing").isEmpty());
            assertThat(slack.calls("conversations.create").stream().filter(c -> c.params().get("name")
                    .startsWith(story.channelName())).count()).as("a redelivered declaration creates nothing again")
                    .isEqualTo(2);

            Map<String, Object> notifications = client.get().uri("/api/v1/incidents/" + story.incidentId + "/notifications")
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat((List<?>) notifications.get("slack")).allSatisfy(m -> assertThat(((Map<?, ?>) m).get("state"))
                    .isIn("SENT", "PENDING"));
        }
    }

    @Test
    void escalatesAfterTheAckTimeoutAndAnAckStopsIt() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant());
                KafkaConsumer<String, SpecificRecord> paging = Paging.consumer(broker.getBrokersAsString(), "paging-it")) {
            story.declared("Payments down", Severity.CRITICAL, true, "payments");
            String id = story.incidentId;
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(client, id).size() == 1);
            Map<String, Object> first = Paging.pages(client, id).get(0);
            assertThat(first).containsEntry("level", 1).containsEntry("state", "TRIGGERED")
                    .containsEntry("rotation", "platform");

            MutableClock.INSTANCE.advance(Duration.ofMinutes(4));
            assertThat(Paging.pages(client, id)).as("nothing before the 5-minute ack timeout").hasSize(1);
            MutableClock.INSTANCE.advance(Duration.ofMinutes(2));
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(client, id).size() == 2);
            Map<String, Object> second = Paging.pages(client, id).get(1);
            assertThat(second).containsEntry("level", 2);
            assertThat(second.get("responderId")).as("the next person in the rotation").isNotEqualTo(first.get("responderId"));

            // the acknowledger is the credential's person, not a name in the request
            client.post().uri("/api/v1/pages/" + second.get("pageId") + "/ack").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.state").isEqualTo("ACKNOWLEDGED").jsonPath("$.pending.length()").isEqualTo(0)
                    .jsonPath("$.pages[1].acknowledgedBy").isEqualTo(TestTokens.WRITER_NAME)
                    .jsonPath("$.pages[1].state").isEqualTo("ACKNOWLEDGED")
                    .jsonPath("$.pages[1].acknowledgedAt").isNotEmpty();
            client.post().uri("/api/v1/incidents/" + id + "/ack").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.state").isEqualTo("ACKNOWLEDGED");
            MutableClock.INSTANCE.advance(Duration.ofMinutes(30));
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> Paging.pages(client, id).size() == 2);

            List<SpecificRecord> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                paging.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(id)) {
                        events.add(r.value());
                    }
                });
                return events.stream().anyMatch(e -> e instanceof EscalationStopped);
            });
            assertThat(events).extracting(e -> e.getSchema().getName()).containsExactly("PageTriggered",
                    "EscalationAdvanced", "PageTriggered", "PageAcknowledged", "EscalationStopped");
            List<EventHeader> headers = events.stream().map(IncidentEvents::header).toList();
            assertThat(headers).as("every paging event has a header for this incident, numbered without gaps")
                    .allSatisfy(h -> assertThat(h.getIncidentId()).isEqualTo(id))
                    .extracting(EventHeader::getSequence).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(events).filteredOn(PageTriggered.class::isInstance).map(PageTriggered.class::cast)
                    .hasSize(2).allSatisfy(e -> {
                        assertThat(e.getHeader().getEventId()).isEqualTo(e.getEventId());
                        assertThat(e.getHeader().getOccurredAt()).isEqualTo(e.getOccurredAt());
                        assertThat(e.getHeader().getActor()).isEqualTo(
                                new Actor("notification-service", "Firebreak escalation", ActorKind.SYSTEM));
                    });
            assertThat(events.get(3)).isInstanceOfSatisfying(PageAcknowledged.class, e -> {
                assertThat(e.getAcknowledgedBy()).isEqualTo(TestTokens.WRITER_NAME);
                assertThat(e.getHeader().getEventId()).isEqualTo(e.getEventId());
                assertThat(e.getHeader().getActor()).isEqualTo(
                        new Actor(TestTokens.WRITER_ID, TestTokens.WRITER_NAME, ActorKind.HUMAN));
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> !posts(channelIdOf(story.channelName()),
                    TestTokens.WRITER_NAME + " acknowledged the page").isEmpty());
            client.post().uri("/api/v1/pages/" + UUID.randomUUID() + "/ack").exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void resolvingStopsPagingAndMinorIncidentsPageNobody() {
        try (IncidentStory major = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant());
                IncidentStory minor = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            major.declared("Search slow", Severity.MAJOR, true, "search");
            minor.declared("Typo on a page", Severity.MINOR, false, "web");
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(client, major.incidentId).size() == 1);
            major.resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(Paging.escalation(client, major.incidentId).get("state")));
            MutableClock.INSTANCE.advance(Duration.ofMinutes(10));
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> Paging.pages(client, major.incidentId).size() == 1);
            client.get().uri("/api/v1/incidents/" + minor.incidentId + "/escalation").exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void honoursRetryAfterOnRateLimitsWithoutLosingOrDoublingMessages() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Rate limited", Severity.MINOR, false, "web");
            String channel = story.channelName();
            await().atMost(Duration.ofSeconds(30)).until(() -> channelIdOrNull(channel) != null
                    && posts(channelIdOf(channel), null).size() == 1);
            String channelId = channelIdOf(channel);
            slack.rateLimitNextPosts(channelId, 2);
            story.update(Audience.INTERNAL, "First", null, null).update(Audience.INTERNAL, "Second", null, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> posts(channelId, null).size() == 3);

            List<Call> attempts = slack.calls().stream().filter(c -> c.method().equals("chat.postMessage")
                    && channelId.equals(c.params().get("channel"))).toList();
            Call limited = attempts.stream().filter(c -> c.status() == 429).findFirst().orElseThrow();
            Call delivered = attempts.stream().filter(c -> c.status() == 200 && c.params().get("text").contains("First"))
                    .findFirst().orElseThrow();
            assertThat(Duration.between(limited.at(), delivered.at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(posts(channelId, null)).extracting(c -> c.params().get("text"))
                    .filteredOn(t -> t.contains("First") || t.contains("Second")).hasSize(2);
        }
    }

    @Test
    void aSharedChannelsPacedBacklogDoesNotHoldBackANewIncidentsChannel() {
        // 250 posts to one shared channel that Slack's pace holds back (as #incidents after a burst of declarations)
        Timestamp now = Timestamp.from(MutableClock.INSTANCE.instant());
        String flooded = "#flooded-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO slack_pace (target, next_allowed_at) VALUES (?, ?)", flooded,
                Timestamp.from(MutableClock.INSTANCE.instant().plus(Duration.ofHours(1))));
        for (int i = 0; i < 250; i++) {
            jdbc.update("INSERT INTO slack_message (message_id, incident_id, target, action, text, next_attempt_at,"
                    + " created_at) VALUES (?, ?, ?, 'post', 'Announcement', ?, ?)", flooded + ":" + i,
                    UUID.randomUUID().toString(), flooded, now, now);
        }
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Declared behind a backlog", Severity.MINOR, false, "web");
            await().atMost(Duration.ofSeconds(30)).until(() -> channelIdOrNull(story.channelName()) != null);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM slack_message WHERE target = ? AND state = 'PENDING'",
                    Integer.class, flooded)).as("the paced backlog waits its turn").isEqualTo(250);
        } finally {
            jdbc.update("DELETE FROM slack_message WHERE target = ?", flooded);
            jdbc.update("DELETE FROM slack_pace WHERE target = ?", flooded);
        }
    }

    @Test
    void otherIncidentsPacedChannelsDoNotHoldBackANewIncidentsChannel() {
        // 250 incidents declared in a burst: each channel exists, Slack's pace holds back its next post
        String[] burst = followUps(250, true);
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Declared behind a burst", Severity.MINOR, false, "web");
            await().atMost(Duration.ofSeconds(30)).until(() -> channelIdOrNull(story.channelName()) != null);
            assertThat(pendingOf(burst)).as("the paced follow-ups wait their turn").isEqualTo(250);
        } finally {
            forget(burst);
        }
    }

    @Test
    void aNewIncidentsChannelIsCreatedAheadOfEarlierIncidentsFollowUps() {
        // a burst's follow-ups, sendable now (their channels exist and are not paced), but more than a pass sends
        String[] burst = followUps(1_500, false);
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Declared behind follow-ups", Severity.MINOR, false, "web");
            await().atMost(Duration.ofSeconds(30)).until(() -> channelIdOrNull(story.channelName()) != null);
            assertThat(pendingOf(burst)).as("the new channel did not wait for the whole backlog").isPositive();
        } finally {
            forget(burst);
        }
    }

    /**
     * {@code count} earlier incidents, each with its channel and one pending follow-up post in it; {@code paced}: Slack's
     * pace holds each channel back for an hour. Returns their ids.
     */
    private String[] followUps(int count, boolean paced) {
        Timestamp now = Timestamp.from(MutableClock.INSTANCE.instant());
        Timestamp later = Timestamp.from(MutableClock.INSTANCE.instant().plus(Duration.ofHours(1)));
        List<Object[]> channels = new ArrayList<>();
        List<Object[]> paces = new ArrayList<>();
        List<Object[]> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String incident = UUID.randomUUID().toString();
            String channelId = "CFOLLOW" + i + "-" + incident.substring(0, 8);
            channels.add(new Object[] {incident, channelId, "follow-" + i});
            paces.add(new Object[] {channelId, later});
            messages.add(new Object[] {incident + ":post", incident, now, now});
        }
        jdbc.batchUpdate("INSERT INTO slack_channel (incident_id, channel_id, channel_name) VALUES (?, ?, ?)", channels);
        if (paced) {
            jdbc.batchUpdate("INSERT INTO slack_pace (target, next_allowed_at) VALUES (?, ?)", paces);
        }
        jdbc.batchUpdate("INSERT INTO slack_message (message_id, incident_id, target, action, text, next_attempt_at,"
                + " created_at) VALUES (?, ?, 'incident', 'post', 'Follow-up', ?, ?)", messages);
        return channels.stream().map(row -> (String) row[0]).toArray(String[]::new);
    }

    private Integer pendingOf(String[] incidents) {
        return jdbc.queryForObject("SELECT count(*) FROM slack_message WHERE incident_id = ANY(?) AND state = 'PENDING'",
                Integer.class, (Object) incidents);
    }

    private void forget(String[] incidents) {
        jdbc.update("DELETE FROM slack_pace WHERE target IN (SELECT channel_id FROM slack_channel WHERE incident_id"
                + " = ANY(?))", (Object) incidents);
        jdbc.update("DELETE FROM slack_message WHERE incident_id = ANY(?)", (Object) incidents);
        jdbc.update("DELETE FROM slack_channel WHERE incident_id = ANY(?)", (Object) incidents);
    }

    @Test
    void remindsWhenAnUpdateIsOverdueAndWhenLeadOrCommsOwnerAreMissing() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Quiet incident", Severity.MAJOR, true, "checkout")
                    .update(Audience.INTERNAL, "Looking into it", null, null);
            String channel = story.channelName();
            await().atMost(Duration.ofSeconds(30)).until(() -> channelIdOrNull(channel) != null
                    && posts(channelIdOf(channel), "Looking into it").size() == 1);
            String channelId = channelIdOf(channel);
            assertThat(posts(channelId, ":raising_hand:")).isEmpty();

            MutableClock.INSTANCE.advance(Duration.ofMinutes(6));
            await().atMost(Duration.ofSeconds(30)).until(() -> posts(channelId, ":raising_hand:").size() == 1
                    && posts(channelId, ":loudspeaker:").size() == 1);

            // the update promised the next one in 30 minutes (its cadence): overdue after that, again 30 later
            MutableClock.INSTANCE.advance(Duration.ofMinutes(30));
            await().atMost(Duration.ofSeconds(30)).until(() -> posts(channelId, ":alarm_clock:").size() == 1);
            MutableClock.INSTANCE.advance(Duration.ofMinutes(31));
            await().atMost(Duration.ofSeconds(30)).until(() -> posts(channelId, ":alarm_clock:").size() == 2);

            story.at(MutableClock.INSTANCE.instant()).update(Audience.INTERNAL, "Still looking", null, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> posts(channelId, "Still looking").size() == 1);
            MutableClock.INSTANCE.advance(Duration.ofMinutes(20));
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                    .until(() -> posts(channelId, ":alarm_clock:").size() == 2);
        }
    }

    @Test
    void showsAPoisonRecordInHealthAndKeepsConsuming() throws Exception {
        try (org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer =
                new org.apache.kafka.clients.producer.KafkaProducer<>(Map.of("bootstrap.servers", broker.getBrokersAsString(),
                        "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class,
                        "value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class))) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.INCIDENT_EVENTS, "poison",
                    new byte[] {1, 2, 3})).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<?, ?> health = Api.as(anonymous, TestTokens.READER).get().uri("/actuator/health").exchange()
                    .expectBody(Map.class).returnResult().getResponseBody();
            Map<?, ?> deadLetters = (Map<?, ?>) ((Map<?, ?>) health.get("components")).get("deadLetters");
            return ((Number) ((Map<?, ?>) deadLetters.get("details")).get("count")).intValue() >= 1;
        });
        anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        try (IncidentStory after = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            after.declared("After the poison", Severity.MINOR, false, "web");
            await().atMost(Duration.ofSeconds(30)).until(() -> channelIdOrNull(after.channelName()) != null);
        }
    }

    /**
     * Issue 19: the page a declaration causes carries the declaration's trace on. The incident record's
     * {@code traceparent} is continued by the consumer (one span per record) and stored with the paging event in the
     * outbox, whose relay sends it as the paging record's header.
     */
    @Test
    void thePagesADeclarationCausesCarryItsTraceOn() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant());
                KafkaConsumer<String, SpecificRecord> paging = Paging.consumer(broker.getBrokersAsString(),
                        "paging-trace-it")) {
            story.traced(parent).declared("Traced payments outage", Severity.CRITICAL, true, "payments");
            List<ConsumerRecord<String, SpecificRecord>> triggered = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                paging.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(story.incidentId) && r.value() instanceof PageTriggered) {
                        triggered.add(r);
                    }
                });
                return !triggered.isEmpty();
            });
            Header header = triggered.get(0).headers().lastHeader("traceparent");
            assertThat(header).as("the paging record's traceparent").isNotNull();
            assertThat(new String(header.value(), StandardCharsets.US_ASCII))
                    .as("same trace, a span of this service's as parent")
                    .matches("00-" + traceId + "-[0-9a-f]{16}-01").isNotEqualTo(parent);
        }
    }

    private List<Call> posts(String channel, String containing) {
        return slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.params().get("channel")))
                .filter(c -> containing == null || c.params().get("text").contains(containing)).toList();
    }

    private List<Call> pins(String channelName) {
        String id = channelIdOrNull(channelName);
        return id == null ? List.of() : slack.calls("pins.add").stream()
                .filter(c -> id.equals(c.params().get("channel"))).toList();
    }

    private String channelIdOf(String channelName) {
        String id = channelIdOrNull(channelName);
        assertThat(id).as("channel " + channelName).isNotNull();
        return id;
    }

    private String channelIdOrNull(String channelName) {
        return slack.createdChannelIds(channelName).stream().findFirst().orElse(null);
    }

}
