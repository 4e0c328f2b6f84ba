package io.firebreak.notification.support;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.serde.FirebreakEventDeserializer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the paging tests read back: the paging topic from its start, and an incident's escalation through the API. */
public final class Paging {

    private Paging() {
    }

    /** A consumer of {@value Topics#PAGING_EVENTS} from the earliest offset, in a group of its own. */
    public static KafkaConsumer<String, SpecificRecord> consumer(String bootstrapServers, String groupPrefix) {
        KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                bootstrapServers, "group.id", groupPrefix + "-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class, "value.deserializer", FirebreakEventDeserializer.class));
        consumer.subscribe(List.of(Topics.PAGING_EVENTS));
        return consumer;
    }

    /** {@code GET /api/v1/incidents/{id}/escalation} as the client sees it (null when there is none). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> escalation(WebTestClient client, String incidentId) {
        return client.get().uri("/api/v1/incidents/" + incidentId + "/escalation").exchange().expectBody(Map.class)
                .returnResult().getResponseBody();
    }

    /** The escalation's pages, empty when there is no escalation yet. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> pages(WebTestClient client, String incidentId) {
        Map<String, Object> escalation = escalation(client, incidentId);
        return escalation == null || escalation.get("pages") == null ? List.of()
                : (List<Map<String, Object>>) escalation.get("pages");
    }
}
