package io.firebreak.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.notification.acklink.AckLinks;
import io.firebreak.notification.support.Paging;
import io.firebreak.notification.support.Api;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.paging.PageAcknowledged;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.support.testing.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Acknowledge links from a phone: no token, only the link. GET shows a confirmation and changes nothing; POST
 * acknowledges as the person the link was issued to and stops the chain; a link works once, expires, and an altered
 * one is refused, each with an HTML page and a 4xx.
 */
@NotificationIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AckLinkIT {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    AckLinks links;

    @Test
    void theSignedLinkAcknowledgesOnceAndStopsTheChain(CapturedOutput logs) {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant());
                KafkaConsumer<String, SpecificRecord> paging = Paging.consumer(broker.getBrokersAsString(), "ack-link-it")) {
            story.declared("Card payments failing", Severity.CRITICAL, true, "payments");
            String id = story.incidentId;
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(Api.asWriter(anonymous), id).size() == 1);
            Map<String, Object> first = Paging.pages(Api.asWriter(anonymous), id).get(0);
            String person = (String) first.get("responderId");
            URI link = links.issue((String) first.get("pageId"), person);
            assertThat(link.toString()).startsWith("https://oncall.acme.test/ack/");

            String confirmation = html(anonymous.get().uri(link.getRawPath()), HttpStatus.OK);
            assertThat(confirmation).contains("<form method=\"post\">", "Acknowledge", "INC-",
                    "Card payments failing", first.get("responderName").toString());
            assertThat(Paging.escalation(Api.asWriter(anonymous), id).get("state")).as("looking at the link (a mail scanner) acknowledges nothing")
                    .isEqualTo("ACTIVE");

            String done = html(anonymous.post().uri(link.getRawPath()).contentType(MediaType.APPLICATION_FORM_URLENCODED),
                    HttpStatus.OK);
            assertThat(done).contains("Acknowledged", "escalation has stopped");
            Map<String, Object> escalation = Paging.escalation(Api.asWriter(anonymous), id);
            assertThat(escalation.get("state")).isEqualTo("ACKNOWLEDGED");
            assertThat(Paging.pages(Api.asWriter(anonymous), id).get(0)).containsEntry("state", "ACKNOWLEDGED")
                    .containsEntry("acknowledgedBy", first.get("responderName"));

            MutableClock.INSTANCE.advance(Duration.ofMinutes(30));
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> Paging.pages(Api.asWriter(anonymous), id).size() == 1);

            assertThat(html(anonymous.post().uri(link.getRawPath()), HttpStatus.GONE)).contains("already used");
            assertThat(html(anonymous.get().uri(link.getRawPath()), HttpStatus.GONE)).contains("already used");

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
                    .satisfies(e -> assertThat(((PageAcknowledged) e).getHeader().getActor()).as("the link's person")
                            .isEqualTo(new Actor(person, first.get("responderName").toString(), ActorKind.HUMAN)));
            String metrics = prometheus();
            assertThat(metrics).as("what an operator scrapes: pages, acknowledgements, time to acknowledge, the"
                    + " outbox and the consumers' lag").contains("firebreak_pages_triggered_total{",
                    "firebreak_pages_acknowledged_total{actor_kind=\"HUMAN\"", "firebreak_pages_time_to_acknowledge_seconds_bucket{",
                    "firebreak_outbox_backlog ", "kafka_consumer_fetch_manager_records_lag_max");
            anonymous.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
            anonymous.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestTokens.READER)).exchange()
                    .expectStatus().isForbidden();
            String token = link.getRawPath().substring("/ack/".length());
            assertThat(logs.getAll()).as("the link is a credential: never logged").contains("ack_link.redeemed")
                    .doesNotContain(token.substring(token.indexOf('.') + 1)).doesNotContain(token.substring(0, 20));
        }
    }

    @Test
    void anAlteredLinkIsForbiddenAndAnExpiredOneGone() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Search is slow", Severity.MAJOR, true, "search");
            String id = story.incidentId;
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(Api.asWriter(anonymous), id).size() == 1);
            Map<String, Object> first = Paging.pages(Api.asWriter(anonymous), id).get(0);
            String path = links.issue((String) first.get("pageId"), (String) first.get("responderId")).getRawPath();
            String token = path.substring("/ack/".length());
            String payload = token.substring(0, token.indexOf('.'));
            String signature = token.substring(token.indexOf('.') + 1);

            // someone else's person id in the payload, the signature kept
            String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\n",
                    (String) first.get("pageId"), "mallory", "9999999999", "AAAAAAAAAAAAAAAAAAAAAA").getBytes())
                    + "." + signature;
            assertThat(html(anonymous.post().uri("/ack/" + forged), HttpStatus.FORBIDDEN)).contains("not valid");
            assertThat(html(anonymous.get().uri("/ack/" + forged), HttpStatus.FORBIDDEN)).contains("not valid");
            String flipped = payload + "." + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);
            assertThat(html(anonymous.post().uri("/ack/" + flipped), HttpStatus.FORBIDDEN)).contains("not valid");
            assertThat(html(anonymous.post().uri("/ack/not-a-link"), HttpStatus.BAD_REQUEST))
                    .contains("Not an acknowledge link");
            assertThat(Paging.escalation(Api.asWriter(anonymous), id).get("state")).isEqualTo("ACTIVE");

            MutableClock.INSTANCE.advance(Duration.ofMinutes(61));
            assertThat(html(anonymous.get().uri(path), HttpStatus.GONE)).contains("expired");
            assertThat(html(anonymous.post().uri(path), HttpStatus.GONE)).contains("expired");
            assertThat(Paging.pages(Api.asWriter(anonymous), id)).as("an expired link acknowledges nothing")
                    .noneSatisfy(page -> assertThat(page.get("state")).isEqualTo("ACKNOWLEDGED"));
        }
    }

    private String prometheus() {
        return anonymous.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestTokens.ADMIN)).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody() // line by line: > 64 KiB
                .collectList().map(lines -> String.join("\n", lines)).block(Duration.ofSeconds(10));
    }

    private static String html(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status) {
        return request.exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
    }

}
