package io.firebreak.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Record spans around a batch: every record of a one-trace poll, only the sampled records of a poll that mixes
 * traces, and every record counted once in the {@code firebreak.kafka.record} timer either way, in one series.
 */
class ConsumerTracingTest {

    private static final String SAMPLED_A = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String UNSAMPLED_B = "00-5bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
    private static final String SAMPLED_C = "00-6bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String UNSAMPLED_A1 = "00-7bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
    private static final String UNSAMPLED_A2 = "00-7bf92f3577b34da6a3ce929d0e0e4736-10f067aa0ba902b7-00";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ObservationRegistry observations = ObservationRegistry.create();
    /** The offsets of the records that got a record observation (each one a span under a tracer). */
    private final List<Long> observed = new CopyOnWriteArrayList<>();

    ConsumerTracingTest() {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters))
                .observationHandler(new ObservationHandler<KafkaRecordReceiverContext>() {
                    @Override
                    public void onStart(KafkaRecordReceiverContext context) {
                        observed.add(context.getCarrier().offset());
                    }

                    @Override
                    public boolean supportsContext(Observation.Context context) {
                        return context instanceof KafkaRecordReceiverContext;
                    }
                });
        ConsumerTracing.bind(observations, meters, "debrief-service");
    }

    @AfterEach
    void unbind() {
        ConsumerTracing.unbind();
    }

    @Test
    void aPollOfOneTraceGivesEveryRecordItsSpan() {
        ConsumerTracing.aroundBatch(List.of(record(0, UNSAMPLED_A1), record(1, UNSAMPLED_A2), record(2, UNSAMPLED_A1)),
                () -> { });

        assertThat(observed).containsExactlyInAnyOrder(0L, 1L, 2L);
        assertThat(timerCount("none")).isEqualTo(3);
    }

    @Test
    void aPollThatMixesTracesGivesSpansOnlyToSampledRecordsAndCountsEveryRecord() {
        ConsumerTracing.aroundBatch(List.of(record(0, SAMPLED_A), record(1, UNSAMPLED_B), record(2, null),
                record(3, SAMPLED_C)), () -> { });

        assertThat(observed).containsExactlyInAnyOrder(0L, 3L);
        assertThat(timerCount("none")).as("traced and untraced records in one series").isEqualTo(4);
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .containsOnlyOnce(ConsumerTracing.NAME);
    }

    @Test
    void aFailedMixedPollCountsEveryRecordAsFailed() {
        assertThatThrownBy(() -> ConsumerTracing.aroundBatch(List.of(record(0, SAMPLED_A), record(1, UNSAMPLED_B),
                record(2, null)), () -> {
                    throw new IllegalStateException("constraint violated");
                })).hasMessage("constraint violated");

        assertThat(timerCount("IllegalStateException")).isEqualTo(3);
        assertThat(timerCount("none")).isZero();
    }

    @Test
    void onlyTheSampledFlagMakesARecordSampled() {
        assertThat(ConsumerTracing.sampled(record(0, SAMPLED_A))).isTrue();
        assertThat(ConsumerTracing.sampled(record(0, UNSAMPLED_B))).isFalse();
        assertThat(ConsumerTracing.sampled(record(0, null))).isFalse();
        assertThat(ConsumerTracing.sampled(record(0, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03")))
                .as("other flag bits beside sampled").isTrue();
        assertThat(ConsumerTracing.sampled(record(0, "not-a-traceparent-01"))).isFalse();
    }

    private long timerCount(String error) {
        return meters.find(ConsumerTracing.NAME).tag("error", error).timers().stream()
                .mapToLong(timer -> timer.count()).sum();
    }

    private static ConsumerRecord<String, String> record(long offset, String traceParent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("firebreak.incident.events.v1", 0, offset,
                "incident-1", "value");
        if (traceParent != null) {
            record.headers().add(TraceParents.HEADER, traceParent.getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }
}
