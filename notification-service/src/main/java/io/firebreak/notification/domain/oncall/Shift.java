package io.firebreak.notification.domain.oncall;

import java.time.Instant;

/** One person on call from {@code start} (inclusive) to {@code end} (exclusive). */
public record Shift(String personId, Instant start, Instant end) {

    public boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
