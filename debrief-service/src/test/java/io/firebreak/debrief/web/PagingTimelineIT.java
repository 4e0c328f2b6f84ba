package io.firebreak.debrief.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.debrief.support.Api;
import io.firebreak.debrief.support.DebriefIntegrationTest;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.paging.PageAcknowledged;
import io.firebreak.schemas.paging.PageTargetKind;
import io.firebreak.schemas.paging.PageTriggered;
import io.firebreak.schemas.paging.Responder;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
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
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Paging events fill in who was paged, the acknowledged milestone and time to acknowledge. */
@DebriefIntegrationTest
class PagingTimelineIT {

    @Autowired
    WebTestClient client;

    @BeforeEach
    void withACredential() {
        client = Api.asWriter(client);
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void pagesAndTheAckJoinTheTimelineAndTheMetrics() throws Exception {
        Instant start = Instant.now().minusSeconds(1200);
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), start);
                KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                        "bootstrap.servers", broker.getBrokersAsString(), "key.serializer", StringSerializer.class,
                        "value.serializer", FirebreakEventSerializer.class))) {
            String id = story.incidentId;
            String pageId = UUID.randomUUID().toString();
            // an acknowledgement without a header (how every event written before schema version 4 decodes) and a
            // page with one
            PageAcknowledged ack = new PageAcknowledged(UUID.randomUUID().toString(), id, pageId, "Blake",
                    start.plusSeconds(240), null);
            String pageEventId = UUID.randomUUID().toString();
            EventHeader pageHeader = new EventHeader(pageEventId, id, 0L, start.plusSeconds(60),
                    new Actor("notification-service", "Firebreak escalation", ActorKind.SYSTEM));
            // the acknowledgement can arrive before the declaration is projected: different topics
            producer.send(new ProducerRecord<>(Topics.PAGING_EVENTS, id, ack)).get();
            story.declared("Paged incident", Severity.CRITICAL, true, "checkout");
            producer.send(new ProducerRecord<>(Topics.PAGING_EVENTS, id, new PageTriggered(pageEventId,
                    id, pageId, 1, new Responder("blake", "Blake", "platform"), List.of("recorded"),
                    start.plusSeconds(60), pageHeader, PageTargetKind.ROTATION, "platform", "default", 1, 0, null)))
                    .get();
            producer.send(new ProducerRecord<>(Topics.PAGING_EVENTS, id, ack)).get();

            await().atMost(Duration.ofSeconds(30)).until(() -> entries(id).size() == 3);
            List<Map<String, Object>> entries = entries(id);
            assertThat(entries).extracting(e -> e.get("kind")).containsExactly("DECLARED", "PAGED", "ACKNOWLEDGED");
            assertThat(entries.get(1).get("text")).isEqualTo("Paged Blake (on call for platform), level 1");
            Map<String, Object> body = timeline(id);
            assertThat(((Map<?, ?>) body.get("milestones")).get("acknowledged")).isNotNull();
            assertThat(((Number) ((Map<?, ?>) body.get("metrics")).get("timeToAcknowledgeSeconds")).longValue())
                    .as("from detection (5 min before the story starts) to the ack at +240 s").isEqualTo(540);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> timeline(String id) {
        return client.get().uri("/api/v1/incidents/" + id + "/timeline").exchange().expectBody(Map.class).returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> entries(String id) {
        Map<String, Object> body = timeline(id);
        return body == null || body.get("entries") == null ? List.of() : (List<Map<String, Object>>) body.get("entries");
    }
}
