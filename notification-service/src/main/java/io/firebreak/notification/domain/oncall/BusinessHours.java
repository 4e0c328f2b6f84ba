package io.firebreak.notification.domain.oncall;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A team's working hours in its own time zone: {@code from} (inclusive) to {@code to} (exclusive) on the listed
 * days (Monday to Friday when none are listed). A window with {@code to} before {@code from} runs past midnight.
 */
public record BusinessHours(LocalTime from, LocalTime to, List<DayOfWeek> days, String timeZone) {

    public BusinessHours {
        days = days == null || days.isEmpty()
                ? List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                : List.copyOf(days);
    }

    /** Whether {@code at} falls in these hours. The time zone must be valid (see {@link OnCallRules}). */
    public boolean contains(Instant at) {
        ZonedDateTime local = at.atZone(ZoneId.of(timeZone));
        LocalTime time = local.toLocalTime();
        if (!from.isAfter(to)) {
            return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
        }
        // past midnight: the evening belongs to today, the early morning to yesterday's window
        return time.isBefore(to) ? days.contains(local.getDayOfWeek().minus(1))
                : !time.isBefore(from) && days.contains(local.getDayOfWeek());
    }
}
