package io.firebreak.notification.domain.oncall;

import java.time.Instant;

/**
 * A change to a schedule for a time range: {@code addPerson} goes on call (ADD, REPLACE), {@code removePerson}
 * comes off (REMOVE, REPLACE; a REPLACE only applies while that person is on call).
 */
public record Override(String id, String scheduleId, OverrideKind kind, String addPerson, String removePerson,
        Instant start, Instant end) {

    public boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    public boolean overlaps(Override other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean involves(String personId) {
        return personId != null && (personId.equals(addPerson) || personId.equals(removePerson));
    }
}
