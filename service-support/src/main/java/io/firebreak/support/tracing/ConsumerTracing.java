package io.firebreak.support.tracing;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
     * record spans around it. When the records share one trace (one command's events, the usual poll) every record
     * gets its span and the work runs in the first one's, so what it appends to the outbox carries that trace on. A
     * poll that mixes traces (catching up, a replay: up to thousands of records) gets spans only for the records whose
     * trace is sampled; no single one can be current there, so its outbox rows carry none either way. A span per
     * record was a quarter of debrief-service's consumer thread in a replay (BENCHMARKS.md), almost all of it for
     * records whose spans are never recorded. Every record still counts once in the {@value #NAME} timer.
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
        // each header read once: whether the poll is one trace, and which records are sampled
        List<String> parents = records.stream().map(ConsumerTracing::traceParent).toList();
        boolean oneTrace = oneTrace(parents);
        List<ConsumerRecord<?, ?>> traced = new ArrayList<>();
        List<ConsumerRecord<?, ?>> untraced = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            (oneTrace || sampled(parents.get(i)) ? traced : untraced).add(records.get(i));
        }
        List<Observation> observations = traced.stream().map(record -> binding.observation(record).start()).toList();
        Observation.Scope scope = oneTrace ? observations.get(0).openScope() : null;
        long started = System.nanoTime();
        Throwable failure = null;
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            failure = e;
            observations.forEach(observation -> observation.error(e));
            throw e;
        } finally {
            if (scope != null) {
                scope.close();
            }
            observations.forEach(Observation::stop);
            binding.countUntraced(untraced, System.nanoTime() - started, failure);
        }
    }

    /** True when the record's {@code traceparent} says its trace is sampled (flags bit 0, W3C Trace Context). */
    static boolean sampled(ConsumerRecord<?, ?> record) {
        return sampled(traceParent(record));
    }

    private static boolean sampled(String traceParent) {
        return TraceParents.isValid(traceParent)
                && (Character.digit(traceParent.charAt(traceParent.length() - 1), 16) & 1) == 1;
    }

    private static String traceParent(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(TraceParents.HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    /** True when every {@code traceparent} is valid and of the same trace. */
    private static boolean oneTrace(List<String> traceParents) {
        String first = null;
        for (String value : traceParents) {
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

    static void bind(ObservationRegistry registry, MeterRegistry meters, String groupId) {
        BOUND.set(new Binding(registry, meters, groupId));
    }

    static Binding bound() {
        return BOUND.get();
    }

    static void unbind() {
        BOUND.remove();
    }

    /** {@code meters} is null where the application has no meter registry. */
    record Binding(ObservationRegistry registry, MeterRegistry meters, String groupId) {

        /** The record's observation (not started): its span is a child of the record's {@code traceparent}. */
        Observation observation(ConsumerRecord<?, ?> record) {
            return Observation.createNotStarted(null, CONVENTION,
                    () -> new KafkaRecordReceiverContext(record, groupId, null, groupId, () -> null), registry);
        }

        /**
         * Counts {@code untraced} in the {@value #NAME} timer, each with the batch's duration as a record observation
         * would: the same name and tags (the convention's, and {@code error} as Micrometer's meter handler sets it), so
         * the two kinds add up in one series.
         */
        void countUntraced(List<ConsumerRecord<?, ?>> untraced, long nanos, Throwable failure) {
            if (meters == null || untraced.isEmpty()) {
                return;
            }
            Tags error = Tags.of("error", failure == null ? "none" : failure.getClass().getSimpleName());
            untraced.stream().collect(Collectors.groupingBy(ConsumerRecord::topic, Collectors.counting()))
                    .forEach((topic, count) -> {
                        Timer timer = meters.timer(NAME, error.and(RecordConvention.keyValues(topic, groupId).stream()
                                .map(keyValue -> Tag.of(keyValue.getKey(), keyValue.getValue())).toList()));
                        for (long i = 0; i < count; i++) {
                            timer.record(nanos, TimeUnit.NANOSECONDS);
                        }
                    });
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
            return keyValues(context.getSource(), String.valueOf(context.getGroupId()));
        }

        /** The record timer's tags besides {@code error}; also those of the records counted without a span. */
        static KeyValues keyValues(String topic, String groupId) {
            return KeyValues.of("messaging.system", "kafka", "messaging.destination.name", topic,
                    "messaging.consumer.group.name", groupId);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof KafkaRecordReceiverContext;
        }
    }
}
