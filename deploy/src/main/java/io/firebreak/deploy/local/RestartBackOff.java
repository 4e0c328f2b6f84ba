package io.firebreak.deploy.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When to restart a component that exited on its own: after {@code first}, doubling with each crash that follows
 * closely on the last, up to {@code cap}; a component that stayed healthy for {@code healthyPeriod} starts over at
 * {@code first}. Time comes from the injected clock, so the policy is tested without waiting.
 */
final class RestartBackOff {

    /** The launcher's policy: first restart 1 s after the crash, at most 30 s apart, reset after 60 s healthy. */
    static RestartBackOff standard(Clock clock) {
        return new RestartBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), clock);
    }

    /** The decision for one crash: the attempt number since the last healthy period and the delay before it. */
    record Restart(int attempt, Duration delay) {
    }

    private final Duration first;
    private final Duration cap;
    private final Duration healthyPeriod;
    private final Clock clock;
    private int attempts;
    private Instant healthySince;

    RestartBackOff(Duration first, Duration cap, Duration healthyPeriod, Clock clock) {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("Back-off needs 0 < first <= cap, got " + first + " and " + cap);
        }
        this.first = first;
        this.cap = cap;
        this.healthyPeriod = healthyPeriod;
        this.clock = clock;
    }

    /** The component answered its health check. */
    synchronized void healthy() {
        if (healthySince == null) {
            healthySince = clock.instant();
        }
    }

    /** The component exited unexpectedly: which attempt the restart is and how long to wait before it. */
    synchronized Restart crashed() {
        Instant now = clock.instant();
        if (healthySince != null && Duration.between(healthySince, now).compareTo(healthyPeriod) >= 0) {
            attempts = 0;
        }
        healthySince = null;
        attempts++;
        return new Restart(attempts, delayOf(attempts));
    }

    private Duration delayOf(int attempt) {
        Duration delay = first;
        for (int i = 1; i < attempt && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
