package io.firebreak.notification.config;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Counts records sent to the dead-letter topic and shows them in {@code /actuator/health} (component
 * {@code deadLetters}), so a poison message is visible to whoever watches health, not only in the logs.
 */
@Component("deadLetters")
public class DeadLetters implements HealthIndicator {

    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<Instant> last = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final Clock clock;

    public DeadLetters(Clock clock) {
        this.clock = clock;
    }

    public void recorded(Exception cause) {
        count.incrementAndGet();
        last.set(clock.instant());
        lastError.set(cause.getClass().getSimpleName());
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", count.get());
        if (last.get() != null) {
            details.put("last", last.get().toString());
            details.put("lastError", lastError.get());
            details.put("topic", "firebreak.incident-events.notification.DLT");
        }
        return Health.up().withDetails(details).build();
    }
}
