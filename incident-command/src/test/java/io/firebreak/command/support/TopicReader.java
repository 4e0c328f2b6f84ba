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
 * Reads a topic (by default the incident topic) as a downstream team would: with the schemas jar's deserializer, committed
 * transactions only.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final List<ConsumerRecord<String, SpecificRecord>> seen = new ArrayList<>();
    private final java.util.Set<String> positions = new java.util.HashSet<>();

    public TopicReader(String bootstrapServers) {
        this(bootstrapServers, Topics.INCIDENT_EVENTS);
    }

    /** A reader of another Firebreak topic (the command answers, a dead-letter topic). */
    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, FirebreakEventDeserializer.class));
        consumer.subscribe(List.of(topic));
    }

    /**
     * Polls once more and returns everything read so far, each record once: after a broker restart the reader's
     * group may rebalance and fetch again from its last committed offset, which is the reader re-reading, not the
     * topic holding a record twice (a record published twice has two offsets, and is kept twice).
     */
    public synchronized List<ConsumerRecord<String, SpecificRecord>> poll() {
        for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
            if (positions.add(record.partition() + ":" + record.offset())) {
                seen.add(record);
            }
        }
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
