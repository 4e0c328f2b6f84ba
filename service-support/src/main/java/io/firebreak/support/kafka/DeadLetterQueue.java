package io.firebreak.support.kafka;

import io.firebreak.support.kafka.DeadLetterRecords.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The service's dead-letter topics as a queue: what is pending (after the offsets the re-drive group committed) and
 * re-driving it, after a fix, back to the original topic with its original key and bytes. A re-drive commits the
 * group's offsets after Kafka acknowledged every record, so running it twice sends nothing twice; consumers
 * deduplicate on the event id, so a record re-driven after a crash between send and commit is applied once.
 */
public class DeadLetterQueue {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueue.class);
    private static final Duration READ_FOR = Duration.ofSeconds(10);

    private final Map<String, Object> consumerConfig;
    private final List<String> deadLetterTopics;
    private final KafkaTemplate<Object, Object> producer;

    public DeadLetterQueue(Map<String, Object> kafkaConsumerProperties, String group, List<String> deadLetterTopics,
            KafkaTemplate<Object, Object> producer) {
        Map<String, Object> config = new HashMap<>(kafkaConsumerProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = config;
        this.deadLetterTopics = List.copyOf(deadLetterTopics);
        this.producer = producer;
    }

    /** Blocking: reads the dead-letter topics from the committed offsets to their ends. */
    public synchronized List<DeadLetter> pending() {
        List<DeadLetter> found = new ArrayList<>();
        readPending((record, consumer) -> found.add(describe(record)), false);
        return found;
    }

    /** Blocking: sends every pending record back to its original topic, then commits; returns what was sent. */
    public synchronized List<DeadLetter> redrive() {
        List<DeadLetter> sent = new ArrayList<>();
        readPending((record, consumer) -> {
            String original = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
            if (original == null) {
                log.warn("dead_letter.skipped topic={} offset={} reason=no_original_topic", record.topic(),
                        record.offset());
                return;
            }
            ProducerRecord<Object, Object> back = new ProducerRecord<>(original, record.key(), record.value());
            for (Header header : record.headers()) {
                if (!header.key().startsWith("kafka_dlt-")) {
                    back.headers().add(header);
                }
            }
            try {
                producer.send(back).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Re-drive interrupted", e);
            } catch (Exception e) {
                throw new IllegalStateException("Re-drive of " + record.topic() + "@" + record.offset() + " failed", e);
            }
            sent.add(describe(record));
        }, true);
        log.info("dead_letter.redriven count={}", sent.size());
        return sent;
    }

    private void readPending(RecordHandler handler, boolean commit) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : deadLetterTopics) {
                var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset.offset());
                }
            }
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            long deadline = System.nanoTime() + READ_FOR.toNanos();
            while (!caughtUp(consumer, partitions, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    handler.handle(record, consumer);
                    done.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
            }
            if (commit && !done.isEmpty()) {
                consumer.commitSync(done);
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> ends) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < ends.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private static DeadLetter describe(ConsumerRecord<String, byte[]> record) {
        String partition = header(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        String offset = header(record, KafkaHeaders.DLT_ORIGINAL_OFFSET);
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC), partition == null ? null : Integer.valueOf(partition),
                offset == null ? null : Long.valueOf(offset), header(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                Instant.ofEpochMilli(record.timestamp()));
    }

    /** Spring Kafka writes the original partition and offset as big-endian numbers, the rest as UTF-8 text. */
    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return null;
        }
        byte[] value = header.value();
        if (KafkaHeaders.DLT_ORIGINAL_PARTITION.equals(name) && value.length == 4) {
            return Integer.toString(java.nio.ByteBuffer.wrap(value).getInt());
        }
        if (KafkaHeaders.DLT_ORIGINAL_OFFSET.equals(name) && value.length == 8) {
            return Long.toString(java.nio.ByteBuffer.wrap(value).getLong());
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface RecordHandler {
        void handle(ConsumerRecord<String, byte[]> record, KafkaConsumer<String, byte[]> consumer);
    }
}
