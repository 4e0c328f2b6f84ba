package io.firebreak.statuspage.subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.CustomerEmailSent;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import io.firebreak.statuspage.support.SubscriberStandIns;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.support.testing.TestTokens;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscribers end to end through the public interfaces: the subscribe endpoint and the links in the e-mails (read
 * back from a real SMTP server), incident events on Kafka, the webhook stand-in checking signatures, and the
 * scoped admin endpoints. Each test uses its own addresses and looks only at mail about its own incidents.
 */
@StatusPageIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SubscribersIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("http://status\\.acme\\.test(/subscriptions/[a-z]+\\?token=[A-Za-z0-9_.\\-]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, SpecificRecord> producer;

    private final SubscriberStandIns standIns = SubscriberStandIns.get();

    @Autowired
    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.firebreak.statuspage.subscribers.delivery.SubscriberWorkers workers;

    @BeforeAll
    static void producer(@Autowired EmbeddedKafkaBroker broker) {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.getBrokersAsString(), "acks", "all",
                "key.serializer", StringSerializer.class, "value.serializer", FirebreakEventSerializer.class));
    }

    /** The first requests of a cold context on a busy 2-core machine can take longer than the default 5 s. */
    @BeforeEach
    void patientClient() {
        client = client.mutate().responseTimeout(WAIT).build();
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void aConfirmedSubscriberFollowsACriticalFromPublicationToResolutionAndUnsubscribesInOneClick() throws Exception {
        String ana = address("ana");
        String unconfirmed = address("una");
        String searchOnly = address("sam");
        subscribe(ana, "checkout");
        subscribe(unconfirmed);
        subscribe(searchOnly, "search");
        confirm(ana);
        confirm(searchOnly);

        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared("cart-svc v42 (pg pool exhausted)", Severity.CRITICAL, true, "checkout");
            MimeMessage published = awaitNotice(ana, story.incidentId, 1);
            assertThat(published.getSubject()).contains("Investigating");
            assertThat(published.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            String unsubscribe = published.getHeader("List-Unsubscribe")[0];
            assertThat(unsubscribe).startsWith("<http://status.acme.test/subscriptions/unsubscribe?token=");
            assertThat(body(published)).contains("Unsubscribe: http://status.acme.test/subscriptions/unsubscribe?token=")
                    .contains("Checkout");

            story.update(Audience.CUSTOMER, "Card payments fail at checkout", "Customers paying by card",
                    "Rolling back the last release");
            assertThat(body(awaitNotice(ana, story.incidentId, 2))).contains("Card payments fail at checkout")
                    .contains("Rolling back the last release");

            story.resolved();
            MimeMessage resolved = awaitNotice(ana, story.incidentId, 3);
            assertThat(resolved.getSubject()).contains("Resolved");

            // the unconfirmed address got its confirm link and nothing else; a search-only subscriber nothing
            assertThat(standIns.mailTo(unconfirmed)).singleElement()
                    .satisfies(m -> assertThat(m.getSubject()).startsWith("Confirm your subscription"));
            assertThat(notices(searchOnly, story.incidentId)).isEmpty();

            // one click: a page with a button, then the POST mail clients send (RFC 8058) deletes the row
            String path = link(body(resolved), "unsubscribe");
            client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class)
                    .value(html -> assertThat(html).contains("<form method=\"post\"").contains("Unsubscribe"));
            client.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue("List-Unsubscribe=One-Click").exchange().expectStatus().isOk()
                    .expectBody(String.class).value(html -> assertThat(html).contains("You are unsubscribed"));
            assertThat(rows(ana)).isZero();
            client.post().uri(path).exchange().expectStatus().isOk();
            client.get().uri("/subscriptions/unsubscribe?token=forged.0000").exchange().expectStatus().isBadRequest();
        }
    }

    @Test
    void entriesPendingTogetherMakeOneNoticeAboutTheLatest() throws Exception {
        String ben = address("ben");
        subscribe(ben, "api");
        confirm(ben);
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            // a Major without customer impact is not public (a Critical on a customer-facing service would be at
            // once); the customer updates wait on the page's side until the impact makes it public
            story.declared("gateway 502s", Severity.MAJOR, false, "gateway")
                    .update(Audience.CUSTOMER, "Some API calls fail", "Partners", "Restarting the gateway")
                    .update(Audience.CUSTOMER, "Most API calls succeed again", "Partners", "Watching error rates")
                    .impact(true, "gateway");
            MimeMessage notice = awaitNotice(ben, story.incidentId, 1);
            assertThat(body(notice)).contains("Most API calls succeed again").doesNotContain("Some API calls fail");
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> notices(ben, story.incidentId).size() == 1);
        }
    }

    @Test
    void whatHappenedWhileTheWorkersWereStoppedIsSentWhenTheyStartAgain() throws Exception {
        String finn = address("finn");
        subscribe(finn, "notifications");
        confirm(finn);
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            workers.stop();
            try {
                story.declared("smtp relay down", Severity.CRITICAL, true, "email");
                await().atMost(WAIT).until(() -> client.get().uri("/api/v2/incidents/unresolved.json").exchange()
                        .expectBody(String.class).returnResult().getResponseBody().contains(story.incidentId));
                assertThat(notices(finn, story.incidentId)).isEmpty();
            } finally {
                workers.start();
            }
            awaitNotice(finn, story.incidentId, 1);
        }
    }

    @Test
    void webhooksAreSignedRetriedAfterAFailureListedWithoutTheirPathAndDeleted() throws Exception {
        String hook = "hook-" + UUID.randomUUID();
        client.post().uri("/api/v1/status-page/webhooks").header("Authorization", "Bearer " + TestTokens.WRITER)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", "http://example.com/hook"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("url");
        client.post().uri("/api/v1/status-page/webhooks").header("Authorization", "Bearer " + TestTokens.WRITER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", standIns.hookUrl(hook), "components", List.of("unknown")))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("components");
        JsonNode created = JSON.readTree(client.post().uri("/api/v1/status-page/webhooks")
                .header("Authorization", "Bearer " + TestTokens.WRITER).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", standIns.hookUrl(hook), "components", List.of("search")))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
        String id = created.get("id").asString();
        String secret = created.get("secret").asString();
        standIns.failNext(hook, 1);

        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared("search index corrupt", Severity.CRITICAL, true, "search");
            await().atMost(WAIT).until(() -> standIns.hooks(hook).stream()
                    .anyMatch(h -> h.status() == 204 && h.body().contains(story.incidentId)));
            List<SubscriberStandIns.Hook> received = standIns.hooks(hook).stream()
                    .filter(h -> h.body().contains(story.incidentId)).toList();
            assertThat(received.get(0).status()).isEqualTo(500);
            SubscriberStandIns.Hook delivered = received.stream().filter(h -> h.status() == 204).findFirst().get();
            assertThat(delivered.body()).isEqualTo(received.get(0).body());
            String signature = delivered.header("X-Firebreak-Signature");
            Matcher parts = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(signature);
            assertThat(parts.matches()).as(signature).isTrue();
            assertThat(parts.group(2)).isEqualTo(hmac(secret, parts.group(1) + "." + delivered.body()));
            JsonNode payload = JSON.readTree(delivered.body());
            assertThat(payload.get("incident").get("id").asString()).isEqualTo(story.incidentId);
            assertThat(payload.get("incident").get("status").asString()).isEqualTo("investigating");
            assertThat(payload.get("incident").get("components").get(0).asString()).isEqualTo("search");
        }

        String list = client.get().uri("/api/v1/status-page/subscribers")
                .header("Authorization", "Bearer " + TestTokens.WRITER).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(list).contains(id).doesNotContain(hook).doesNotContain(secret);
        client.get().uri("/api/v1/status-page/subscribers").header("Authorization", "Bearer " + TestTokens.READER)
                .exchange().expectStatus().isForbidden();
        client.delete().uri("/api/v1/status-page/webhooks/" + id).header("Authorization", "Bearer " + TestTokens.WRITER)
                .exchange().expectStatus().isNoContent();
        client.delete().uri("/api/v1/status-page/webhooks/" + id).header("Authorization", "Bearer " + TestTokens.WRITER)
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void theCustomerEmailDraftIsMailedToTheIncidentsSubscribersOncePerEvent() throws Exception {
        String cleo = address("cleo");
        String other = address("otto");
        subscribe(cleo, "notifications");
        subscribe(other, "search");
        confirm(cleo);
        confirm(other);
        String incidentId = UUID.randomUUID().toString();
        Instant declaredAt = Instant.now().minusSeconds(120);
        send(incidentId, new IncidentDeclared(header(incidentId, 0, declaredAt), "INC-7", "mailer queue stuck",
                "internal summary", Severity.CRITICAL, IncidentStatus.INVESTIGATING, true, List.of("email"),
                IncidentSource.API, null, "SEV1", declaredAt, "inc-mail", IncidentType.ENGINEERING, false, List.of()));
        send(incidentId, new UpdatePosted(header(incidentId, 1, Instant.now()), UUID.randomUUID().toString(),
                Audience.CUSTOMER, "E-mails are delayed", "Everyone expecting e-mail", "Draining the queue", null,
                "Use the in-app inbox meanwhile"));
        await().atMost(WAIT).until(() -> body(lastNotice(cleo, incidentId)).contains("Draining the queue"));

        JsonNode draft = JSON.readTree(client.get().uri("/api/v1/status-page/incidents/" + incidentId + "/customer-email")
                .header("Authorization", "Bearer " + TestTokens.READER).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        String subject = draft.get("subject").asString();
        assertThat(draft.get("message").asString()).contains("Impact: since ").contains(" UTC")
                .contains("What we are doing: ").contains("Draining the queue")
                .contains("What you can do: Use the in-app inbox meanwhile")
                .contains("http://status.acme.test/incidents/" + incidentId);
        client.get().uri("/api/v1/status-page/incidents/" + UUID.randomUUID() + "/customer-email")
                .header("Authorization", "Bearer " + TestTokens.READER).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        CustomerEmailSent draftSent = new CustomerEmailSent(header(incidentId, 2, Instant.now()), null, null);
        send(incidentId, draftSent);
        send(incidentId, draftSent); // redelivered: still one e-mail
        send(incidentId, new CustomerEmailSent(header(incidentId, 3, Instant.now()), "We are sorry",
                "Our own words. " + incidentId));
        await().atMost(WAIT).until(() -> standIns.mailTo(cleo).stream().anyMatch(m -> subject(m).equals("We are sorry")));
        await().atMost(WAIT).until(() -> standIns.mailTo(cleo).stream().filter(m -> subject(m).equals(subject)).count() == 1);
        MimeMessage customerEmail = standIns.mailTo(cleo).stream().filter(m -> subject(m).equals(subject)).findFirst()
                .get();
        assertThat(body(customerEmail)).startsWith(draft.get("message").asString().substring(0, 20))
                .contains("What you can do: Use the in-app inbox meanwhile").contains("Unsubscribe: ");
        assertThat(standIns.mailTo(other)).noneMatch(m -> subject(m).equals("We are sorry"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> standIns.mailTo(cleo).stream().filter(m -> subject(m).equals(subject)).count() == 1);
    }

    @Test
    void thePageCarriesASubscribeFormWhosePostMailsTheConfirmLinkAndAnswersWithAPage() {
        client.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class)
                .value(html -> assertThat(html).contains("<form method=\"post\" action=\"/subscriptions\"")
                        .contains("<label for=\"subscribe-email\">"));
        client.post().uri("/subscriptions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("email=not+an+address").exchange().expectStatus().isEqualTo(422)
                .expectBody(String.class).value(html -> assertThat(html).contains("Not subscribed")
                        .contains("is not an e-mail address"));
        String eve = address("eve");
        client.post().uri("/subscriptions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("email=" + java.net.URLEncoder.encode(eve, StandardCharsets.UTF_8)).exchange()
                .expectStatus().isAccepted().expectBody(String.class)
                .value(html -> assertThat(html).contains("Check your inbox").doesNotContain(eve));
        await().atMost(WAIT).until(() -> standIns.mailTo(eve).stream()
                .anyMatch(m -> subject(m).startsWith("Confirm your subscription")));
    }

    @Test
    void subscribingIsValidatedRateLimitedPerAddressAndDeliveriesArePacedPerAddress() throws Exception {
        client.post().uri("/api/v1/status-page/subscribers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "not an address")).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("email");
        client.post().uri("/api/v1/status-page/subscribers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", address("x"), "components", List.of("nope"))).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("components");
        client.post().uri("/api/v1/status-page/subscribers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": ").exchange().expectStatus().isBadRequest();
        client.get().uri("/subscriptions/confirm?token=" + "a".repeat(40)).exchange().expectStatus().isBadRequest();

        String dora = address("dora");
        subscribe(dora, "checkout");
        subscribe(dora, "checkout");
        subscribe(dora, "checkout");
        client.post().uri("/api/v1/status-page/subscribers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", dora)).exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
        // three confirm links, paced: at most 3 per 3 s (test settings); the link of any of them works
        await().atMost(WAIT).until(() -> standIns.mailTo(dora).size() == 3);
        confirm(dora);

        String incidentId = UUID.randomUUID().toString();
        Instant at = Instant.now().minusSeconds(60);
        send(incidentId, new IncidentDeclared(header(incidentId, 0, at), "INC-8", "checkout slow", "summary",
                Severity.MAJOR, IncidentStatus.INVESTIGATING, true, List.of("checkout"), IncidentSource.API, null,
                "SEV2", at, "inc-slow", IncidentType.ENGINEERING, false, List.of()));
        for (int i = 0; i < 3; i++) {
            send(incidentId, new CustomerEmailSent(header(incidentId, 1 + i, Instant.now()), "Paced " + i, "Body " + i));
        }
        await().atMost(WAIT).until(() -> standIns.mailTo(dora).stream().filter(m -> subject(m).startsWith("Paced"))
                .count() == 3);
        // a round marks its deliveries sent when it commits, after the SMTP server has them: wait for the commit
        List<Instant> sent = await().atMost(WAIT).until(() -> jdbc.queryForList("SELECT d.sent_at FROM delivery d"
                        + " JOIN subscriber s ON s.subscriber_id = d.subscriber_id WHERE s.address = ?"
                        + " AND d.sent_at IS NOT NULL ORDER BY 1", java.sql.Timestamp.class, dora).stream()
                .map(java.sql.Timestamp::toInstant).toList(), rows -> rows.size() == 6);
        for (int i = 3; i < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i - 3), sent.get(i))).as("4 messages within one window")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void aSubscribersAddressIsInNoKafkaRecordAndNoLogLine(CapturedOutput output) throws Exception {
        String eve = address("eve");
        subscribe(eve, "checkout");
        confirm(eve);
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared("checkout down", Severity.CRITICAL, true, "checkout");
            awaitNotice(eve, story.incidentId, 1);
        }
        assertThat(output.getAll()).doesNotContain(eve).doesNotContain(eve.substring(0, eve.indexOf('@')));
        byte[] needle = eve.getBytes(StandardCharsets.UTF_8);
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", broker.getBrokersAsString()));
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                        broker.getBrokersAsString(), "key.deserializer", ByteArrayDeserializer.class,
                        "value.deserializer", ByteArrayDeserializer.class))) {
            Set<String> topics = admin.listTopics().names().get();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            int read = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    assertThat(contains(record.value(), needle)).as(record.topic()).isFalse();
                    assertThat(contains(record.key(), needle)).as(record.topic()).isFalse();
                    record.headers().forEach(h -> assertThat(contains(h.value(), needle)).isFalse());
                }
            }
            assertThat(read).isPositive();
            assertThat(topics).contains(Topics.INCIDENT_EVENTS);
        }
    }

    // --- helpers

    private static String address(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private void subscribe(String address, String... components) {
        client.post().uri("/api/v1/status-page/subscribers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", address, "components", List.of(components))).exchange()
                .expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("pending_confirmation");
    }

    /** Follows the confirm link of the latest confirm e-mail to this address. */
    private void confirm(String address) throws Exception {
        await().atMost(WAIT).until(() -> standIns.mailTo(address).stream()
                .anyMatch(m -> subject(m).startsWith("Confirm your subscription")));
        MimeMessage confirmation = standIns.mailTo(address).stream()
                .filter(m -> subject(m).startsWith("Confirm your subscription")).reduce((a, b) -> b).get();
        assertThat(confirmation.getHeader("List-Unsubscribe")).isNull();
        client.get().uri(link(body(confirmation), "confirm")).exchange().expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("Subscription confirmed"));
    }

    private MimeMessage awaitNotice(String address, String incidentId, int count) {
        await().atMost(WAIT).until(() -> notices(address, incidentId).size() >= count);
        List<MimeMessage> notices = notices(address, incidentId);
        assertThat(notices).hasSize(count);
        return notices.get(count - 1);
    }

    private MimeMessage lastNotice(String address, String incidentId) {
        List<MimeMessage> notices = notices(address, incidentId);
        return notices.isEmpty() ? null : notices.get(notices.size() - 1);
    }

    /** Notices (not customer e-mails) about one incident. */
    private List<MimeMessage> notices(String address, String incidentId) {
        return standIns.mailTo(address).stream().filter(m -> body(m).contains("Follow this incident: "
                + "http://status.acme.test/incidents/" + incidentId)).toList();
    }

    private long rows(String address) {
        return jdbc.queryForObject("SELECT count(*) FROM subscriber WHERE lower(address) = lower(?)", Long.class,
                address);
    }

    private static String link(String body, String kind) {
        Matcher matcher = LINK.matcher(body);
        while (matcher.find()) {
            if (matcher.group(1).startsWith("/subscriptions/" + kind + "?")) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no " + kind + " link in " + body);
    }

    private static String body(MimeMessage message) {
        if (message == null) {
            return "";
        }
        try {
            return message.getContent().toString().replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventHeader header(String incidentId, long sequence, Instant at) {
        return new EventHeader(UUID.randomUUID().toString(), incidentId, sequence, at,
                new Actor("u-cleo", "Cleo Comms", ActorKind.HUMAN));
    }

    private static void send(String incidentId, SpecificRecord event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.INCIDENT_EVENTS, incidentId, event)).get();
    }

    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null) {
            return false;
        }
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
