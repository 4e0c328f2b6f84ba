package io.firebreak.deploy.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the incident topic (read_committed) and notes when each incident's n-th event arrives: events of one
 * incident are on one partition, in sequence order, once each, so the n-th record is sequence n-1.
 */
final class TopicWatcher implements AutoCloseable {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    TopicWatcher(String bootstrap) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "bench-watch-" + UUID.randomUUID(), "auto.offset.reset", "latest",
                "isolation.level", "read_committed", "key.deserializer", StringDeserializer.class,
                "value.deserializer", ByteArrayDeserializer.class));
        CountDownLatch assigned = new CountDownLatch(1);
        consumer.subscribe(List.of("firebreak.incident-events"), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // resolve "latest" now, so nothing produced after the latch opens is skipped
                partitions.forEach(consumer::position);
                assigned.countDown();
            }
        });
        thread = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                        int n = counts.merge(record.key(), 1, Integer::sum);
                        arrived.put(record.key() + "#" + n, System.nanoTime());
                    }
                }
            }
        }, "bench-topic-watcher");
        thread.setDaemon(true);
        thread.start();
        // probes sent before the assignment would be missed ("latest")
        try {
            if (!assigned.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The topic watcher got no partitions within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * When the incident's event with this sequence arrived. The probe incident is created after the watcher starts,
     * so its first record seen is sequence 0.
     */
    long awaitSequence(String incidentId, long sequence, Duration timeout) {
        String key = incidentId + "#" + (sequence + 1);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!arrived.containsKey(key)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Event " + sequence + " of " + incidentId + " not on Kafka within " + timeout);
            }
            // the arrival time is taken by the consumer thread; waiting here needs no precision, and spinning would
            // take one of the machine's two cores from the system under test
            LockSupport.parkNanos(200_000);
        }
        return arrived.get(key);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
    }
}
