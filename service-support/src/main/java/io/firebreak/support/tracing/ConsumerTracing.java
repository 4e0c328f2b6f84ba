package io.firebreak.support.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * One consumer observation per record of a batch listener (spring-kafka observes record listeners only): the span
 * continues the trace of the record's {@code traceparent} header and is current while the record is applied, so
 * what the projection appends to the outbox carries the trace on. The observation registry of the listener
 * container's own application context is bound to its consumer thread by {@link RecordTracingInterceptor}; on a
 * thread without one (tests calling a listener directly, tracing off) the work simply runs.
 */
public final class ConsumerTracing {

    private static final ThreadLocal<Binding> BOUND = new ThreadLocal<>();

    private ConsumerTracing() {
    }

    /** Runs {@code work} for {@code record}, observed as the bound listener's consumption of it. */
    public static void within(ConsumerRecord<?, ?> record, Runnable work) {
        Binding binding = BOUND.get();
        if (binding == null || binding.registry().isNoop()) {
            work.run();
            return;
        }
        Observation observation = KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, binding.groupId(), null, binding.groupId(), () -> null),
                binding.registry());
        observation.observe(work);
    }

    /** The listener is named by its group: each of Firebreak's batch listeners has a group of its own. */
    static void bind(ObservationRegistry registry, String groupId) {
        BOUND.set(new Binding(registry, groupId));
    }

    static void unbind() {
        BOUND.remove();
    }

    private record Binding(ObservationRegistry registry, String groupId) {
    }
}
