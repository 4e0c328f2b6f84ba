package io.firebreak.notification.domain.oncall;

import java.time.Instant;
import java.util.List;

/**
 * From {@code start} to {@code end} the schedule is exactly these shifts, whatever its layers say (a holiday
 * plan); a gap between them is a gap in coverage. Overrides still apply on top.
 */
public record TemporarySchedule(Instant start, Instant end, List<Shift> shifts) {

    public TemporarySchedule {
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
    }

    public boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
