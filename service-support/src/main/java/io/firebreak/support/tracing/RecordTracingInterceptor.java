package io.firebreak.support.tracing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Binds this application's observation registry to each listener's consumer thread before its listener runs, for
 * {@link ConsumerTracing} (a static registry would not do: tests run several application contexts in one JVM, each
 * with its own tracer). For a record listener it also starts the record's observation before the listener and stops
 * it after ({@code afterRecord} runs whether the listener succeeded or threw), on the same thread.
 */
public final class RecordTracingInterceptor
        implements BatchInterceptor<Object, Object>, RecordInterceptor<Object, Object> {

    private static final ThreadLocal<Open> OPEN = new ThreadLocal<>();

    private final ObservationRegistry registry;
    private final MeterRegistry meters;

    /** {@code meters} may be null (an application without a meter registry). */
    RecordTracingInterceptor(ObservationRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        this.meters = meters;
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
            Consumer<Object, Object> consumer) {
        ConsumerTracing.bind(registry, meters, consumer.groupMetadata().groupId());
        return records;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        ConsumerTracing.bind(registry, meters, consumer.groupMetadata().groupId());
        closeOpen();
        if (!registry.isNoop()) {
            Observation observation = ConsumerTracing.bound().observation(record).start();
            OPEN.set(new Open(observation, observation.openScope()));
        }
        return record;
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
        Open open = OPEN.get();
        if (open != null) {
            open.observation().error(exception);
        }
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        closeOpen();
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        closeOpen();
        ConsumerTracing.unbind();
    }

    private static void closeOpen() {
        Open open = OPEN.get();
        if (open != null) {
            OPEN.remove();
            open.scope().close();
            open.observation().stop();
        }
    }

    private record Open(Observation observation, Observation.Scope scope) {
    }
}
