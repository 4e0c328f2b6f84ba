package io.firebreak.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.notification.support.Paging;
import io.firebreak.notification.support.Api;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.paging.PageAcknowledged;
import io.firebreak.support.testing.IncidentStory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * PagerDuty webhooks v3 as PagerDuty sends them (the documented payload in fixtures/, signed as PagerDuty's
 * "Verifying Signatures" describes): an acknowledgement in PagerDuty stops Firebreak's chain, a resolve stops every
 * page of the incident; bad or missing signatures, stale and replayed deliveries change nothing.
 */
@NotificationIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PagerDutyWebhookIT {

    /** The subscription secret of application-test.yml. */
    static final String SECRET = "test-pagerduty-webhook-secret";
    static final String PATH = "/api/v1/integrations/pagerduty/webhooks";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient anonymous;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void anAcknowledgementInPagerDutyStopsTheChainOnceAndIsNotReplayed() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant());
                KafkaConsumer<String, SpecificRecord> paging = Paging.consumer(broker.getBrokersAsString(), "pd-webhook-it")) {
            story.declared("Card payments failing", Severity.CRITICAL, true, "payments");
            String id = story.incidentId;
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(Api.asWriter(anonymous), id).size() == 1);
            String pageId = (String) Paging.pages(Api.asWriter(anonymous), id).get(0).get("pageId");

            byte[] body = delivery("incident.acknowledged", pageId, MutableClock.INSTANCE.instant());
            post(body, sign(body, SECRET)).expectStatus().isOk().expectBody()
                    .jsonPath("$.outcome").isEqualTo("acknowledged");
            assertThat(Paging.escalation(Api.asWriter(anonymous), id).get("state")).isEqualTo("ACKNOWLEDGED");
            assertThat(Paging.pages(Api.asWriter(anonymous), id).get(0)).containsEntry("state", "ACKNOWLEDGED")
                    .containsEntry("acknowledgedBy", "PagerDuty (Tenex Engineer)");

            post(body, sign(body, SECRET)).expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.field").isEqualTo("event.id");

            MutableClock.INSTANCE.advance(Duration.ofMinutes(30));
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> Paging.pages(Api.asWriter(anonymous), id).size() == 1);

            List<SpecificRecord> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                paging.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(id)) {
                        events.add(r.value());
                    }
                });
                return events.stream().anyMatch(PageAcknowledged.class::isInstance);
            });
            assertThat(events).filteredOn(PageAcknowledged.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((PageAcknowledged) e).getHeader().getActor()).isEqualTo(
                            new Actor("pagerduty:PLH1HKV", "PagerDuty (Tenex Engineer)", ActorKind.INTEGRATION)));
        }
    }

    @Test
    void badOrMissingSignaturesAndStaleEventsChangeNothing(CapturedOutput logs) {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Search is slow", Severity.MAJOR, true, "search");
            String id = story.incidentId;
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(Api.asWriter(anonymous), id).size() == 1);
            String pageId = (String) Paging.pages(Api.asWriter(anonymous), id).get(0).get("pageId");
            byte[] body = delivery("incident.acknowledged", pageId, MutableClock.INSTANCE.instant());

            post(body, null).expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.field").isEqualTo("X-PagerDuty-Signature");
            post(body, sign(body, "another-secret")).expectStatus().isUnauthorized();
            post(body, sign(body, SECRET).replace("v1=", "v0=")).expectStatus().isUnauthorized();
            byte[] altered = new String(body, StandardCharsets.UTF_8).replace("Tenex Engineer", "Mallory")
                    .getBytes(StandardCharsets.UTF_8);
            post(altered, sign(body, SECRET)).expectStatus().isUnauthorized();
            assertThat(Paging.escalation(Api.asWriter(anonymous), id).get("state")).isEqualTo("ACTIVE");

            byte[] stale = delivery("incident.acknowledged", pageId,
                    MutableClock.INSTANCE.instant().minus(Duration.ofMinutes(6)));
            post(stale, sign(stale, SECRET)).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.field").isEqualTo("event.occurred_at");
            assertThat(Paging.escalation(Api.asWriter(anonymous), id).get("state")).isEqualTo("ACTIVE");

            // during a secret rotation PagerDuty signs with both; one match is enough
            post(body, sign(body, "the-old-secret") + "," + sign(body, SECRET)).expectStatus().isOk();
            assertThat(Paging.escalation(Api.asWriter(anonymous), id).get("state")).isEqualTo("ACKNOWLEDGED");
            assertThat(logs.getAll()).contains("pagerduty_webhook.refused").doesNotContain(sign(body, SECRET).substring(3))
                    .doesNotContain(sign(body, "another-secret").substring(3)).doesNotContain(SECRET);
        }
    }

    @Test
    void aResolveInPagerDutyStopsEveryPageOfTheIncident() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Checkout errors", Severity.CRITICAL, true, "checkout");
            String id = story.incidentId;
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(Api.asWriter(anonymous), id).size() == 1);
            String pageId = (String) Paging.pages(Api.asWriter(anonymous), id).get(0).get("pageId");
            Api.asWriter(anonymous).post().uri("/api/v1/incidents/" + id + "/pages").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("target", Map.of("kind", "PERSON", "id", "blake"), "message", "need a hand"))
                    .exchange().expectStatus().isCreated();
            assertThat(Paging.pages(Api.asWriter(anonymous), id)).hasSize(2);

            byte[] triggered = delivery("incident.triggered", pageId, MutableClock.INSTANCE.instant());
            post(triggered, sign(triggered, SECRET)).expectStatus().isAccepted().expectBody()
                    .jsonPath("$.outcome").isEqualTo("ignored");
            byte[] foreign = delivery("incident.acknowledged", UUID.randomUUID().toString().replace("-", ""),
                    MutableClock.INSTANCE.instant());
            post(foreign, sign(foreign, SECRET)).expectStatus().isAccepted();
            assertThat(Paging.escalation(Api.asWriter(anonymous), id).get("state")).isEqualTo("ACTIVE");

            byte[] resolved = delivery("incident.resolved", pageId, MutableClock.INSTANCE.instant());
            post(resolved, sign(resolved, SECRET)).expectStatus().isOk().expectBody()
                    .jsonPath("$.outcome").isEqualTo("stopped");
            assertThat(Paging.escalation(Api.asWriter(anonymous), id).get("state")).isEqualTo("RESOLVED");
            assertThat(Paging.pages(Api.asWriter(anonymous), id)).as("the escalation page and the page made by hand").hasSize(2)
                    .allSatisfy(page -> assertThat(page.get("state")).isEqualTo("CANCELLED"));

            MutableClock.INSTANCE.advance(Duration.ofMinutes(30));
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> Paging.pages(Api.asWriter(anonymous), id).size() == 2);
        }
    }

    /** The documented payload with a fresh event id, this type, our page as incident_key and this time. */
    private static byte[] delivery(String type, String incidentKey, Instant occurredAt) {
        try (InputStream in = PagerDutyWebhookIT.class.getResourceAsStream(
                "/fixtures/pagerduty-webhook-v3-incident-acknowledged.json")) {
            ObjectNode root = (ObjectNode) JSON.readTree(in);
            ObjectNode event = (ObjectNode) root.get("event");
            event.put("id", UUID.randomUUID().toString().replace("-", "").substring(0, 26).toUpperCase());
            event.put("event_type", type);
            event.put("occurred_at", occurredAt.toString());
            ((ObjectNode) event.get("data")).put("incident_key", incidentKey);
            ((ObjectNode) event.get("data")).put("status", type.substring("incident.".length()));
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code v1=} and the hex HMAC-SHA256 of the raw body, as PagerDuty signs. */
    private static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebTestClient.ResponseSpec post(byte[] body, String signature) {
        WebTestClient.RequestBodySpec request = anonymous.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .header("User-Agent", "PagerDuty-Webhook/V3.0");
        if (signature != null) {
            request.header("X-PagerDuty-Signature", signature);
        }
        return request.bodyValue(body).exchange();
    }

}
