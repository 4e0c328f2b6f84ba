package io.firebreak.notification.domain.oncall;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;

/**
 * A change of who is on call in a schedule: at {@code at}, the people in {@code from} handed over to those in
 * {@code to} (either may be empty: a gap in cover starts or ends).
 */
public record HandOff(Instant at, List<String> from, List<String> to) {

    /** The hand-offs in (after, until], oldest first: every instant at which the set of people on call changes. */
    public static List<HandOff> between(Schedule schedule, List<Override> overrides, Instant after, Instant until) {
        TreeSet<Instant> changes = new TreeSet<>();
        for (Shift shift : OnCallCalendar.shifts(schedule, overrides, after, until.plusMillis(1))) {
            changes.add(shift.start());
            changes.add(shift.end());
        }
        return changes.stream().filter(t -> t.isAfter(after) && !t.isAfter(until)).map(t -> {
            List<String> before = OnCallCalendar.at(schedule, overrides, t.minusMillis(1));
            List<String> now = OnCallCalendar.at(schedule, overrides, t);
            return new HashSet<>(before).equals(new HashSet<>(now)) ? null : new HandOff(t, before, now);
        }).filter(java.util.Objects::nonNull).toList();
    }
}
