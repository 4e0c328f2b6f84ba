package io.firebreak.notification.domain.oncall;

import java.util.List;

/**
 * Ordered steps, run {@code repeat} more times after the first pass. Each pass that ends without an
 * acknowledgement is announced; the last one stops the escalation with "nobody acknowledged".
 */
public record EscalationPolicy(String id, String name, List<EscalationStep> steps, Integer repeat) {

    public EscalationPolicy {
        steps = steps == null ? List.of() : List.copyOf(steps);
        repeat = repeat == null ? 0 : repeat;
    }
}
