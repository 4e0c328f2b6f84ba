package io.firebreak.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.notification.oncall.Editor;
import io.firebreak.notification.oncall.OnCallFile;
import io.firebreak.notification.support.Api;
import io.firebreak.notification.support.FakeProviders;
import io.firebreak.notification.support.FakeProviders.Request;
import io.firebreak.notification.support.FakeSlack;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.IncidentStory;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contact methods and notification rules end to end: people through the API (and the configuration file), pages
 * made through the API on incidents that arrive over Kafka, deliveries due in PostgreSQL, and the providers'
 * stand-ins (Twilio-compatible API, ntfy, GreenMail) checking each request. Time moves with the shared clock.
 */
@NotificationIntegrationTest
class ContactMethodsIT {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OnCallFile onCallFile;

    @Autowired
    List<ContactTransport> transports;

    @Autowired
    ContactThrottle throttle;

    @Autowired
    PageNotices notices;

    @Autowired
    Clock clock;

    WebTestClient client;
    String s;
    final FakeProviders providers = FakeProviders.get();

    @BeforeEach
    void setUp() {
        client = Api.asWriter(anonymous);
        s = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void pushAtOnceSmsAfterTwoMinutesAndAnAckCancelsTheVoiceCall() {
        String phone = phone();
        String topic = "oncall-" + s;
        person("""
                {"id":"p-%1$s","name":"Pat %1$s","phone":"%2$s",
                 "contactMethods":[{"id":"phone-push","kind":"PUSH","address":"%3$s"}],
                 "notificationRules":[{"contactMethod":"phone-push","afterMinutes":0},
                   {"contactMethod":"sms","afterMinutes":2},{"contactMethod":"voice","afterMinutes":5}]}"""
                .formatted(s, phone, providers.topicUrl(topic)));
        try (IncidentStory story = incident("Checkout down " + s, Severity.CRITICAL)) {
            String pageId = page(story.incidentId, "p-" + s);
            String reference = reference(story.incidentId);
            String channelId = FakeSlack.get().createdChannelIds(story.channelName()).get(0);

            await().atMost(Duration.ofSeconds(30)).until(() -> providers.ntfy(topic).size() == 1);
            Request push = providers.ntfy(topic).get(0);
            assertThat(push.status()).isEqualTo(200);
            assertThat(push.headers()).containsEntry("title", "[Critical] " + reference + " Checkout down " + s)
                    .containsEntry("priority", "urgent")
                    .containsEntry("authorization", "Bearer tk_testaccesstoken")
                    .containsEntry("click", "https://slack.com/app_redirect?channel=" + channelId)
                    .hasEntrySatisfying("actions", actions -> assertThat(actions)
                            .startsWith("view, Acknowledge, https://oncall.acme.test/ack/")
                            .endsWith("view, Open channel, https://slack.com/app_redirect?channel=" + channelId));
            assertThat(push.body()).contains(reference, "Checkout down " + s, "Critical",
                    "Acknowledge: https://oncall.acme.test/ack/");
            assertThat(providers.twilio("Messages", phone)).as("the SMS waits two minutes").isEmpty();

            MutableClock.INSTANCE.advance(Duration.ofMinutes(2));
            await().atMost(Duration.ofSeconds(30)).until(() -> providers.twilio("Messages", phone).size() == 1);
            Request sms = providers.twilio("Messages", phone).get(0);
            assertThat(sms.form()).containsEntry("From", FakeProviders.FROM).containsKeys("To", "From", "Body");
            assertThat(sms.form().get("Body")).contains(reference, "Checkout down " + s, "Critical",
                    "https://slack.com/app_redirect?channel=" + channelId, "Ack: https://oncall.acme.test/ack/");
            assertThat(state(pageId, "voice")).isEqualTo("PENDING");

            client.post().uri("/api/v1/pages/" + pageId + "/ack").exchange().expectStatus().isOk();
            MutableClock.INSTANCE.advance(Duration.ofMinutes(4));
            await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(state(pageId, "voice")));
            assertThat(providers.twilio("Calls", phone)).as("the ack came before the call was due").isEmpty();
            assertThat(providers.ntfy(topic)).hasSize(1);
            client.get().uri("/api/v1/incidents/" + story.incidentId + "/notifications").exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.contacts[0].method").isEqualTo("phone-push")
                    .jsonPath("$.contacts[0].state").isEqualTo("SENT")
                    .jsonPath("$.contacts[1].kind").isEqualTo("SMS")
                    .jsonPath("$.contacts[1].state").isEqualTo("SENT")
                    .jsonPath("$.contacts[2].kind").isEqualTo("VOICE")
                    .jsonPath("$.contacts[2].state").isEqualTo("CANCELLED")
                    .jsonPath("$.contacts[2].address").doesNotExist();
        }
    }

    @Test
    void aVoiceCallReadsThePageWithTwimlAndAResolveCancelsWhatIsPending() {
        String phone = phone();
        person("""
                {"id":"v-%1$s","name":"Vic %1$s","phone":"%2$s",
                 "notificationRules":[{"contactMethod":"voice","afterMinutes":0},{"contactMethod":"sms","afterMinutes":10}]}"""
                .formatted(s, phone));
        try (IncidentStory story = incident("Queue stuck " + s, Severity.MAJOR)) {
            String pageId = page(story.incidentId, "v-" + s);
            await().atMost(Duration.ofSeconds(30)).until(() -> providers.twilio("Calls", phone).size() == 1);
            Map<String, String> call = providers.twilio("Calls", phone).get(0).form();
            assertThat(call).containsEntry("From", FakeProviders.FROM).containsEntry("To", phone);
            assertThat(call.get("Twiml")).startsWith("<Response><Say>").endsWith("</Say></Response>")
                    .contains("Major incident " + reference(story.incidentId).replace('-', ' '), "Queue stuck " + s);

            story.resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(jdbc.queryForObject(
                    "SELECT status FROM incident WHERE incident_id = ?", String.class, story.incidentId)));
            MutableClock.INSTANCE.advance(Duration.ofMinutes(11));
            await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(state(pageId, "sms")));
            assertThat(providers.twilio("Messages", phone)).isEmpty();
        }
    }

    @Test
    void smsInsideTheThrottleWindowIsBundledIntoTheNextMessage() {
        String phone = phone();
        person("""
                {"id":"t-%1$s","name":"Toni %1$s","phone":"%2$s",
                 "notificationRules":[{"contactMethod":"sms","afterMinutes":0}]}""".formatted(s, phone));
        try (IncidentStory first = incident("First " + s, Severity.MINOR);
                IncidentStory second = incident("Second " + s, Severity.MINOR);
                IncidentStory third = incident("Third " + s, Severity.MINOR)) {
            page(first.incidentId, "t-" + s);
            await().atMost(Duration.ofSeconds(30)).until(() -> providers.twilio("Messages", phone).size() == 1);

            String secondPage = page(second.incidentId, "t-" + s);
            String thirdPage = page(third.incidentId, "t-" + s);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                    SELECT count(*) FROM contact_delivery WHERE page_id IN (?, ?) AND state = 'PENDING'
                    AND attempts = 0 AND next_attempt_at > due_at""", Integer.class, secondPage, thirdPage) == 2);
            assertThat(providers.twilio("Messages", phone)).as("held by the throttle, not sent").hasSize(1);

            MutableClock.INSTANCE.advance(Duration.ofSeconds(61));
            await().atMost(Duration.ofSeconds(30)).until(() -> providers.twilio("Messages", phone).size() == 2);
            String bundle = providers.twilio("Messages", phone).get(1).form().get("Body");
            assertThat(bundle).contains("2 pages", "Second " + s, "Third " + s, reference(second.incidentId),
                    reference(third.incidentId)).doesNotContain("First " + s);
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT delivery_id, state, bundled_into FROM"
                    + " contact_delivery WHERE page_id IN (?, ?) ORDER BY bundled_into NULLS FIRST", secondPage, thirdPage);
            assertThat(rows).extracting(r -> r.get("state")).containsOnly("SENT");
            assertThat(rows.get(1).get("bundled_into")).isEqualTo(rows.get(0).get("delivery_id"));
            MutableClock.INSTANCE.advance(Duration.ofMinutes(2));
            assertThat(providers.twilio("Messages", phone)).as("bundled pages are not sent again").hasSize(2);
        }
    }

    @Test
    void anEmailArrivesAtTheSmtpServerWithTheIncidentAndTheChannelLink() throws Exception {
        String address = "e-" + s + "@acme.test";
        person("""
                {"id":"e-%1$s","name":"Eve %1$s","email":"%2$s"}""".formatted(s, address));
        try (IncidentStory story = incident("Mail relay down " + s, Severity.MAJOR)) {
            String pageId = page(story.incidentId, "e-" + s);
            String channelId = FakeSlack.get().createdChannelIds(story.channelName()).get(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(address).size() == 1);
            MimeMessage mail = mailTo(address).get(0);
            assertThat(mail.getFrom()[0].toString()).isEqualTo("firebreak@acme.test");
            assertThat(mail.getSubject()).isEqualTo("Firebreak page: [Major] " + reference(story.incidentId)
                    + " Mail relay down " + s);
            assertThat(mail.getHeader("X-Firebreak-Page")[0]).isEqualTo(pageId);
            String text = mail.getContent().toString();
            assertThat(text).contains("Incident channel: https://slack.com/app_redirect?channel=" + channelId,
                    "Acknowledge: https://oncall.acme.test/ack/");
            // the link in the mail acknowledges the page from a phone: no token, a confirmation page, then done
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("https://oncall\\.acme\\.test(/ack/\\S+)")
                    .matcher(text);
            assertThat(link.find()).isTrue();
            anonymous.get().uri(link.group(1)).exchange().expectStatus().isOk();
            anonymous.post().uri(link.group(1)).exchange().expectStatus().isOk();
            assertThat(jdbc.queryForObject("SELECT state FROM page WHERE page_id = ?", String.class, pageId))
                    .isEqualTo("ACKNOWLEDGED");
        }
    }

    @Test
    void aPersonsOwnWebhookAndPagerDutyServiceAreCalledAtOnceWithoutRules() throws Exception {
        String routingKey = "pd" + s + "0".repeat(22);
        person("""
                {"id":"h-%1$s","name":"Hal %1$s","contactMethods":[{"id":"pd","kind":"PAGERDUTY","address":"%2$s"},
                 {"id":"hook","kind":"WEBHOOK","address":"%3$s"}]}""".formatted(s, routingKey,
                providers.webhookUrl("h-" + s)));
        try (IncidentStory story = incident("Search slow " + s, Severity.MINOR)) {
            String pageId = page(story.incidentId, "h-" + s);
            String reference = reference(story.incidentId);
            await().atMost(Duration.ofSeconds(30)).until(() -> providers.pagerDuty(routingKey).size() == 1
                    && providers.webhook("h-" + s).size() == 1);
            Request event = providers.pagerDuty(routingKey).get(0);
            assertThat(event.status()).as("the stand-in found the documented event shape").isEqualTo(202);
            JsonNode pd = JsonMapper.builder().build().readTree(event.body());
            assertThat(pd.path("event_action").asString()).isEqualTo("trigger");
            assertThat(pd.path("dedup_key").asString()).isEqualTo(pageId + ":h-" + s);
            assertThat(pd.path("payload").path("summary").asString()).isEqualTo("[Minor] " + reference + " Search slow " + s);
            assertThat(pd.path("links").get(0).path("href").asString()).startsWith("https://slack.com/app_redirect?channel=");

            Request hook = providers.webhook("h-" + s).get(0);
            assertThat(hook.status()).isEqualTo(204);
            JsonNode body = JsonMapper.builder().build().readTree(hook.body());
            assertThat(body.path("kind").asString()).isEqualTo("firebreak.page");
            assertThat(body.path("pages").get(0).path("pageId").asString()).isEqualTo(pageId);
            assertThat(body.path("pages").get(0).path("reference").asString()).isEqualTo(reference);
            assertThat(body.path("pages").get(0).path("channelLink").asString()).startsWith("https://slack.com/");
            assertThat(body.path("pages").get(0).path("ackUrl").asString()).startsWith("https://oncall.acme.test/ack/");
        }
    }

    @Test
    void aSlackDmRuleWaitsItsTurnInsteadOfGoingOutWithThePage() {
        String user = "USL" + s.toUpperCase();
        person("""
                {"id":"sl-%1$s","name":"Sam %1$s","slackUserId":"%2$s",
                 "notificationRules":[{"contactMethod":"slack-dm","afterMinutes":1}]}""".formatted(s, user));
        try (IncidentStory story = incident("Disk full " + s, Severity.MINOR)) {
            String pageId = page(story.incidentId, "sl-" + s);
            await().atMost(Duration.ofSeconds(30)).until(() -> "PENDING".equals(state(pageId, "slack-dm")));
            assertThat(jdbc.queryForList("SELECT 1 FROM slack_message WHERE target = ?", Integer.class, "dm:" + user))
                    .as("a person with rules is not DMed with the page").isEmpty();

            MutableClock.INSTANCE.advance(Duration.ofMinutes(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> FakeSlack.get().calls("chat.postMessage").stream()
                    .anyMatch(c -> ("D" + user).equals(c.params().get("channel"))));
            String text = FakeSlack.get().calls("chat.postMessage").stream()
                    .filter(c -> ("D" + user).equals(c.params().get("channel"))).findFirst().orElseThrow()
                    .params().get("text");
            assertThat(text).contains(reference(story.incidentId), "Disk full " + s, "Minor",
                    "Acknowledge: https://oncall.acme.test/ack/");
        }
    }

    @Test
    void refusesBadContactMethodsWith422NamingTheField() {
        refused("""
                {"id":"b-%s","name":"B","contactMethods":[{"id":"m","kind":"EMAIL","address":"not-an-address"}]}""",
                "contactMethods[0].address");
        refused("""
                {"id":"b-%s","name":"B","contactMethods":[{"id":"m","kind":"SMS","address":"030 1234567"}]}""",
                "contactMethods[0].address");
        refused("""
                {"id":"b-%s","name":"B","contactMethods":[{"id":"ok","kind":"VOICE","address":"+4930123456"},
                 {"id":"m","kind":"PIGEON","address":"roof"}]}""", "contactMethods[1].kind");
        refused("""
                {"id":"b-%s","name":"B","contactMethods":[{"id":"m","kind":"PUSH","address":"ftp://ntfy.example/x"}]}""",
                "contactMethods[0].address");
        refused("""
                {"id":"b-%s","name":"B","contactMethods":[{"id":"m","kind":"WEBHOOK","address":"file:///etc/passwd"}]}""",
                "contactMethods[0].address");
        refused("""
                {"id":"b-%s","name":"B","email":"b@example.com","contactMethods":[{"id":"email","kind":"PUSH",
                 "address":"https://ntfy.sh/x"}]}""", "contactMethods[0].id");
        refused("""
                {"id":"b-%s","name":"B","phone":"+4930123456","notificationRules":[{"contactMethod":"pager",
                 "afterMinutes":1}]}""", "notificationRules[0].contactMethod");
        refused("""
                {"id":"b-%s","name":"B","phone":"+4930123456","notificationRules":[{"contactMethod":"sms",
                 "afterMinutes":-2}]}""", "notificationRules[0].afterMinutes");
        client.get().uri("/api/v1/people/b-" + s).exchange().expectStatus().isNotFound();

        person("""
                {"id":"ok-%1$s","name":"Ok","contactMethods":[{"id":"pd","kind":"PAGERDUTY",
                 "address":"R0123456789abcdef0123456789abcde"},{"id":"hook","kind":"WEBHOOK",
                 "address":"https://hooks.example/page"}],"notificationRules":[{"contactMethod":"hook","afterMinutes":3}]}"""
                .formatted(s));
        client.get().uri("/api/v1/people/ok-" + s).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.contactMethods[1].kind").isEqualTo("WEBHOOK")
                .jsonPath("$.notificationRules[0].afterMinutes").isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT kind FROM contact_method WHERE person_id = ? ORDER BY kind", String.class,
                "ok-" + s)).containsExactly("PAGERDUTY", "WEBHOOK");
    }

    @Test
    void theConfigurationFileTakesContactMethodsInTheApiShapeAndRefusesBadOnes() throws Exception {
        Path file = Files.createTempFile("oncall", ".yml");
        Files.writeString(file, """
                people:
                  - id: f-%1$s
                    name: File Person
                    phone: "+4930123499"
                    contactMethods:
                      - {id: push, kind: PUSH, address: "https://ntfy.example/f-%1$s"}
                    notificationRules:
                      - {contactMethod: push, afterMinutes: 0}
                      - {contactMethod: sms, afterMinutes: 2}
                """.formatted(s));
        assertThat(onCallFile.apply(onCallFile.read("file:" + file), Editor.CONFIG_FILE)).isEqualTo(1);
        client.get().uri("/api/v1/people/f-" + s).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.contactMethods[0].address").isEqualTo("https://ntfy.example/f-" + s)
                .jsonPath("$.notificationRules[1].contactMethod").isEqualTo("sms");

        Files.writeString(file, """
                people:
                  - id: g-%1$s
                    name: Bad File Person
                    contactMethods:
                      - {id: sms, kind: SMS, address: "0301234"}
                """.formatted(s));
        try {
            onCallFile.apply(onCallFile.read("file:" + file), Editor.CONFIG_FILE);
            throw new AssertionError("a bad contact method in the file must be refused");
        } catch (IllegalStateException refused) {
            assertThat(refused.getMessage()).contains("person g-" + s, "contactMethods[0].address");
        }
    }

    @Test
    void twoWorkersPollingTheSameDueRowsSendEachOnce() throws Exception {
        person("""
                {"id":"w-%1$s","name":"Wes %1$s"}""".formatted(s));
        try (IncidentStory story = incident("Race " + s, Severity.MINOR)) {
            String pageId = page(story.incidentId, "w-" + s);
            Timestamp later = Timestamp.from(clock.instant().plus(Duration.ofMinutes(30)));
            List<String> topics = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String topic = "race-" + s + "-" + i;
                topics.add(topic);
                jdbc.update("""
                        INSERT INTO contact_delivery (delivery_id, page_id, incident_id, person_id, method_id, kind,
                            address, due_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, 'PUSH', ?, ?, ?)""",
                        pageId + ":race" + i, pageId, story.incidentId, "w-" + s, "race" + i,
                        providers.topicUrl(topic), later, later);
            }
            ContactDeliveryWorker one = new ContactDeliveryWorker(jdbc, transports, throttle, notices, clock);
            ContactDeliveryWorker two = new ContactDeliveryWorker(jdbc, transports, throttle, notices, clock);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                MutableClock.INSTANCE.advance(Duration.ofMinutes(31));
                List<Future<Integer>> claimed = new ArrayList<>();
                for (ContactDeliveryWorker worker : List.of(one, two)) {
                    claimed.add(pool.submit(() -> {
                        start.await();
                        int total = 0;
                        for (int round = 0; round < 20; round++) {
                            total += worker.deliverDue();
                        }
                        return total;
                    }));
                }
                start.countDown();
                // what they return also counts other tests' rows that the clock's jump made due: judged per topic below
                claimed.get(0).get(30, TimeUnit.SECONDS);
                claimed.get(1).get(30, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM"
                        + " contact_delivery WHERE page_id = ? AND method_id LIKE 'race%' AND state = 'SENT'",
                        Integer.class, pageId) == 20);
                assertThat(topics).allSatisfy(topic -> assertThat(providers.ntfy(topic)).hasSize(1));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    // --- helpers

    private void person(String json) {
        client.post().uri("/api/v1/people").header("Content-Type", "application/json").bodyValue(json).exchange()
                .expectStatus().isEqualTo(HttpStatus.CREATED);
    }

    private void refused(String template, String field) {
        client.post().uri("/api/v1/people").header("Content-Type", "application/json")
                .bodyValue(template.formatted(s)).exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.field").isEqualTo(field);
    }

    /** An incident that pages nobody by itself, whose Slack channel exists. */
    private IncidentStory incident(String title, Severity severity) {
        IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant());
        story.declared(title, severity, false, "unrouted-" + s);
        await().atMost(Duration.ofSeconds(30)).until(() -> !FakeSlack.get().createdChannelIds(story.channelName())
                .isEmpty() && !jdbc.queryForList("SELECT channel_id FROM slack_channel WHERE incident_id = ?"
                        + " AND channel_id IS NOT NULL", String.class, story.incidentId).isEmpty());
        return story;
    }

    @SuppressWarnings("unchecked")
    private String page(String incidentId, String personId) {
        Map<String, Object> view = client.post().uri("/api/v1/incidents/" + incidentId + "/pages")
                .header("Content-Type", "application/json")
                .bodyValue("{\"target\":{\"kind\":\"PERSON\",\"id\":\"" + personId + "\"},\"message\":\"need you\"}")
                .exchange().expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((List<Map<String, Object>>) view.get("pages")).get(0).get("pageId");
    }

    private String reference(String incidentId) {
        return jdbc.queryForObject("SELECT reference FROM incident WHERE incident_id = ?", String.class, incidentId);
    }

    private String state(String pageId, String methodId) {
        return jdbc.queryForList("SELECT state FROM contact_delivery WHERE page_id = ? AND method_id = ?", String.class,
                pageId, methodId).stream().findFirst().orElse(null);
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(providers.smtp().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients() != null && Arrays.stream(m.getAllRecipients())
                        .anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /**
     * A fictitious North American number (+1 555 01xx-style, 11 digits): too short to ever pass for a card number.
     * A random +4915 number (13 digits, starting with 4, Luhn-valid one time in ten) was refused by the input
     * policy as a card number now and then.
     */
    private static String phone() {
        return "+1555" + ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L);
    }
}
