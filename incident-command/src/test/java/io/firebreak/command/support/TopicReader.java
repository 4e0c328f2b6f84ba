package io.firebreak.command.support;

import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.serde.FirebreakEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the incident topic as a downstream team would: with the schemas jar's deserializer, committed
 * transactions only.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final List<ConsumerRecord<String, SpecificRecord>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, FirebreakEventDeserializer.class));
        consumer.subscribe(List.of(Topics.INCIDENT_EVENTS));
    }

    /** Polls once more and returns everything read so far. */
    public synchronized List<ConsumerRecord<String, SpecificRecord>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /** The events read so far for one incident, in topic order. */
    public List<SpecificRecord> eventsOf(String incidentId) {
        return poll().stream().filter(r -> incidentId.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    public static String eventId(SpecificRecord event) {
        return IncidentEvents.header(event).getEventId();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
