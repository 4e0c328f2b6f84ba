package io.firebreak.support.tracing;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;

/**
 * Binds this application's observation registry to each batch listener's consumer thread before its listener
 * runs, for {@link ConsumerTracing}. A static registry would not do: tests run several application contexts in
 * one JVM, each with its own tracer.
 */
final class RecordTracingInterceptor implements BatchInterceptor<Object, Object> {

    private final ObservationRegistry registry;

    RecordTracingInterceptor(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
            Consumer<Object, Object> consumer) {
        ConsumerTracing.bind(registry, consumer.groupMetadata().groupId());
        return records;
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        ConsumerTracing.unbind();
    }
}
