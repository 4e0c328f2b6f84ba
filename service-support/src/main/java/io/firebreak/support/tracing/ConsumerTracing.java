package io.firebreak.support.tracing;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * A consumer observation per record, whose span continues the trace of the record's {@code traceparent} header and is
 * current while the record is applied, so what the consumer appends to its outbox, or hands to the blocking
 * scheduler, carries the trace on. Batch listeners get it from service-support's {@code BatchApplier} (spring-kafka
 * observes a batch only with an empty span per record before the batch runs); record listeners from
 * {@link RecordTracingInterceptor}. The registry of the listener container's own application context is bound to its
 * consumer thread by that interceptor; on a thread without one (tests calling a listener directly) the work simply
 * runs. Named {@value #NAME}, not spring-kafka's {@code spring.kafka.listener}, whose timers keep their own tags.
 */
public final class ConsumerTracing {

    /** The observation's (and its timer's) name. */
    public static final String NAME = "firebreak.kafka.record";

    private static final ThreadLocal<Binding> BOUND = new ThreadLocal<>();
    private static final ObservationConvention<KafkaRecordReceiverContext> CONVENTION = new RecordConvention();

    private ConsumerTracing() {
    }

    /** Runs {@code work} for {@code record} inside the bound consumer's observation of it. */
    public static void within(ConsumerRecord<?, ?> record, Runnable work) {
        Binding binding = BOUND.get();
        if (binding == null || binding.registry().isNoop()) {
            work.run();
            return;
        }
        binding.observation(record).observe(work);
    }

    /**
     * Runs {@code work}, which applies all of {@code records} at once (a projection that batches its statements), with
     * a span per record spanning it. When the records share one trace (one command's events, the usual poll) the work
     * runs in the first record's span, so what it appends to the outbox carries that trace on; a poll that mixes
     * traces still gets every record's span, but no single one can be current, and its outbox rows carry none.
     */
    public static void aroundBatch(List<? extends ConsumerRecord<?, ?>> records, Runnable work) {
        Binding binding = BOUND.get();
        if (records.size() == 1) {
            within(records.get(0), work);
            return;
        }
        if (binding == null || binding.registry().isNoop() || records.isEmpty()) {
            work.run();
            return;
        }
        List<Observation> observations = records.stream().map(record -> binding.observation(record).start()).toList();
        Observation.Scope scope = oneTrace(records) ? observations.get(0).openScope() : null;
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            observations.forEach(observation -> observation.error(e));
            throw e;
        } finally {
            if (scope != null) {
                scope.close();
            }
            observations.forEach(Observation::stop);
        }
    }

    /** True when every record carries a {@code traceparent} of the same trace. */
    private static boolean oneTrace(List<? extends ConsumerRecord<?, ?>> records) {
        String first = null;
        for (ConsumerRecord<?, ?> record : records) {
            Header header = record.headers().lastHeader(TraceParents.HEADER);
            String value = header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
            if (!TraceParents.isValid(value)) {
                return false;
            }
            String traceId = value.substring(3, 35);
            if (first == null) {
                first = traceId;
            } else if (!first.equals(traceId)) {
                return false;
            }
        }
        return true;
    }

    static void bind(ObservationRegistry registry, String groupId) {
        BOUND.set(new Binding(registry, groupId));
    }

    static Binding bound() {
        return BOUND.get();
    }

    static void unbind() {
        BOUND.remove();
    }

    record Binding(ObservationRegistry registry, String groupId) {

        /** The record's observation (not started): its span is a child of the record's {@code traceparent}. */
        Observation observation(ConsumerRecord<?, ?> record) {
            return Observation.createNotStarted(null, CONVENTION,
                    () -> new KafkaRecordReceiverContext(record, groupId, null, groupId, () -> null), registry);
        }
    }

    private static final class RecordConvention implements ObservationConvention<KafkaRecordReceiverContext> {

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public String getContextualName(KafkaRecordReceiverContext context) {
            return context.getSource() + " process";
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(KafkaRecordReceiverContext context) {
            return KeyValues.of("messaging.system", "kafka", "messaging.destination.name", context.getSource(),
                    "messaging.consumer.group.name", String.valueOf(context.getGroupId()));
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof KafkaRecordReceiverContext;
        }
    }
}
