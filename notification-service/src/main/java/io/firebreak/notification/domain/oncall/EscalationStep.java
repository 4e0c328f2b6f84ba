package io.firebreak.notification.domain.oncall;

import java.time.Duration;
import java.util.List;

/** One step: its targets are paged together; without an acknowledgement within {@code delay} the next step runs. */
public record EscalationStep(Duration delay, List<Target> targets) {

    public static final Duration DEFAULT_DELAY = Duration.ofMinutes(5);

    public EscalationStep {
        delay = delay == null ? DEFAULT_DELAY : delay;
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
