package io.firebreak.notification.support;

import io.firebreak.schemas.serde.FirebreakEventSerializer;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes records as their producers do (same serde, keyed by incident id), for what {@code IncidentStory} cannot
 * tell: an incident declared by someone in particular, debrief-service's DebriefCompleted.
 */
public final class Publish {

    private Publish() {
    }

    /** Sends {@code record} {@code times} times (a redelivery is the same record again). */
    public static void send(String bootstrapServers, String topic, String key, SpecificRecord record, int times) {
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrapServers, "acks", "all",
                "key.serializer", StringSerializer.class, "value.serializer", FirebreakEventSerializer.class))) {
            for (int i = 0; i < times; i++) {
                producer.send(new ProducerRecord<>(topic, key, record)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
