package io.firebreak.command.web.integrations;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.firebreak.command.config.FirebreakProperties;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * A token bucket per integration key (an Alertmanager or webhook credential, a PagerDuty routing key), so one noisy
 * source is slowed down without starving another, the way PagerDuty and Grafana IRM protect their ingest.
 */
@Component
public class IngestRateLimiter {

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final FirebreakProperties.IngestRateLimit limit;

    public IngestRateLimiter(FirebreakProperties properties) {
        this.limit = properties.getIngestRateLimit();
    }

    /** Empty when the request may go ahead; otherwise how long the sender should wait. */
    public Optional<Duration> tryAcquire(String key) {
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        return Optional.of(Duration.ofSeconds(seconds));
    }

    /** Throws {@link RateLimitExceeded} (429 with Retry-After) when the key is over its limit. */
    public void check(String key) {
        tryAcquire(key).ifPresent(wait -> {
            throw new RateLimitExceeded(wait);
        });
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.getBurst())
                .refillGreedy(limit.getPerMinute(), Duration.ofMinutes(1)).build()).build();
    }
}
