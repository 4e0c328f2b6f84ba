package io.firebreak.statuspage.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import io.firebreak.support.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A record that was dead-lettered (say, while a bug was deployed) is listed, re-driven after the fix to its original
 * topic, applied once, and not re-driven again.
 */
@StatusPageIntegrationTest
class DeadLetterRedriveIT {

    private static final String DLT = "firebreak.incident-events.statuspage.DLT";

    @Autowired
    private WebTestClient client;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void listsRedrivesOnceAndAppliesTheEvent() throws Exception {
        String incidentId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        IncidentDeclared declared = new IncidentDeclared(new EventHeader(eventId, incidentId, 0L, Instant.now(),
                new Actor("u-ana", "Ana", ActorKind.HUMAN)), "INC-9001", "Redriven", "s", Severity.MINOR,
                IncidentStatus.INVESTIGATING, false, List.of(), IncidentSource.API, null, "MINOR", null, "inc-redriven", io.firebreak.schemas.incident.IncidentType.ENGINEERING, false, java.util.List.of());
        byte[] bytes = new FirebreakEventSerializer().serialize(Topics.INCIDENT_EVENTS, declared);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                broker.getBrokersAsString()), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> dead = new ProducerRecord<>(DLT, incidentId, bytes);
            dead.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.INCIDENT_EVENTS.getBytes(StandardCharsets.UTF_8));
            dead.headers().add(KafkaHeaders.DLT_EXCEPTION_FQCN,
                    "org.springframework.dao.DataIntegrityViolationException".getBytes(StandardCharsets.UTF_8));
            producer.send(dead).get();
        }

        Map<String, Object> pending = client.get().uri("/api/v1/admin/dead-letters")
                .headers(h -> h.setBearerAuth(TestTokens.ADMIN)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) pending.get("deadLetters")).anySatisfy(letter -> {
            assertThat(letter.get("key")).isEqualTo(incidentId);
            assertThat(letter.get("originalTopic")).isEqualTo(Topics.INCIDENT_EVENTS);
            assertThat(letter.get("exception")).isEqualTo("org.springframework.dao.DataIntegrityViolationException");
        });
        client.post().uri("/api/v1/admin/dead-letters/redrive").headers(h -> h.setBearerAuth(TestTokens.READER))
                .exchange().expectStatus().isForbidden();

        Map<String, Object> redriven = client.post().uri("/api/v1/admin/dead-letters/redrive")
                .headers(h -> h.setBearerAuth(TestTokens.ADMIN)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) redriven.get("deadLetters"))
                .anySatisfy(letter -> assertThat(letter.get("key")).isEqualTo(incidentId));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE event_id = ?", Integer.class, eventId) == 1);
        client.post().uri("/api/v1/admin/dead-letters/redrive").headers(h -> h.setBearerAuth(TestTokens.ADMIN))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.count").isEqualTo(0);
        client.get().uri("/api/v1/admin/dead-letters").headers(h -> h.setBearerAuth(TestTokens.ADMIN)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.count").isEqualTo(0);
    }
}
