package io.firebreak.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Counts records sent to a dead-letter topic and shows them in {@code /actuator/health} (component
 * {@code deadLetters}) and as the metric {@code firebreak.dead.letters} per topic, so a poison message is visible
 * to whoever watches health or metrics, not only in the logs.
 */
public class DeadLetters implements HealthIndicator {

    private final AtomicLong count = new AtomicLong();
    private final Map<String, AtomicLong> byTopic = new ConcurrentHashMap<>();
    private final AtomicReference<Last> last = new AtomicReference<>();
    private final Clock clock;
    private final MeterRegistry meters;

    public DeadLetters(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.meters = meters;
    }

    public void recorded(ConsumerRecord<?, ?> record, String deadLetterTopic, Exception cause) {
        count.incrementAndGet();
        byTopic.computeIfAbsent(deadLetterTopic, topic -> new AtomicLong()).incrementAndGet();
        last.set(new Last(clock.instant(), deadLetterTopic, record.topic() + "-" + record.partition() + "@"
                + record.offset(), rootCause(cause).getClass().getSimpleName()));
        if (meters != null) {
            Counter.builder("firebreak.dead.letters").description("Records sent to a dead-letter topic")
                    .tag("topic", deadLetterTopic).register(meters).increment();
        }
    }

    public long count() {
        return count.get();
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", count.get());
        byTopic.forEach((topic, n) -> details.put(topic, n.get()));
        Last latest = last.get();
        if (latest != null) {
            details.put("last", latest.at().toString());
            details.put("lastRecord", latest.record());
            details.put("lastError", latest.error());
        }
        return Health.up().withDetails(details).build();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private record Last(Instant at, String topic, String record, String error) {
    }
}
