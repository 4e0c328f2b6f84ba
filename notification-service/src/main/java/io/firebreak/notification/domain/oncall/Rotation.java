package io.firebreak.notification.domain.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * People taking turns, in order: each holds the shift for {@code shiftLength} hours, days or weeks, handing off at
 * {@code handoffTime} in {@code timeZone}, counting from {@code startDate}. Daily and weekly rotations hand off at
 * the same wall-clock time across a DST change (a shift is then 23 or 25 hours long); a hand-off time that does not
 * exist that day (spring forward) moves later by the gap, one that happens twice takes the first. Hourly rotations
 * count absolute hours from the first hand-off.
 */
public record Rotation(String id, String name, RotationType type, Integer shiftLength, LocalTime handoffTime,
        LocalDate startDate, String timeZone, List<String> participants) {

    public Rotation {
        type = type == null ? RotationType.WEEKLY : type;
        shiftLength = shiftLength == null ? 1 : shiftLength;
        handoffTime = handoffTime == null ? LocalTime.of(9, 0) : handoffTime;
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /** When shift number {@code k} (0 starts at {@code startDate}, negative before it) begins. */
    public Instant shiftStart(long k) {
        ZoneId zone = ZoneId.of(timeZone);
        return switch (type) {
            case HOURLY -> ZonedDateTime.of(startDate, handoffTime, zone).toInstant()
                    .plus(Duration.ofHours(k * shiftLength));
            case DAILY -> ZonedDateTime.of(startDate.plusDays(k * shiftLength), handoffTime, zone).toInstant();
            case WEEKLY -> ZonedDateTime.of(startDate.plusWeeks(k * shiftLength), handoffTime, zone).toInstant();
        };
    }

    /** The number of the shift running at {@code at}. */
    public long shiftNumber(Instant at) {
        ZoneId zone = ZoneId.of(timeZone);
        long k = switch (type) {
            case HOURLY -> Math.floorDiv(Duration.between(shiftStart(0), at).toHours(), shiftLength);
            case DAILY -> Math.floorDiv(ChronoUnit.DAYS.between(startDate, at.atZone(zone).toLocalDate()), shiftLength);
            case WEEKLY -> Math.floorDiv(ChronoUnit.DAYS.between(startDate, at.atZone(zone).toLocalDate()),
                    7L * shiftLength);
        };
        while (shiftStart(k).isAfter(at)) {
            k--;
        }
        while (!shiftStart(k + 1).isAfter(at)) {
            k++;
        }
        return k;
    }

    /** Who holds shift {@code k}, or {@code offset} places further down the list (the next in line for 1). */
    public String personFor(long k, int offset) {
        return participants.get((int) Math.floorMod(k + offset, (long) participants.size()));
    }

    /** The person on call at {@code at} (plus {@code offset} places), or null for a rotation without people. */
    public String onCall(Instant at, int offset) {
        return participants.isEmpty() ? null : personFor(shiftNumber(at), offset);
    }

    /** Every hand-off instant in [from, to). */
    public List<Instant> handoffs(Instant from, Instant to) {
        List<Instant> result = new ArrayList<>();
        for (long k = shiftNumber(from) + 1; shiftStart(k).isBefore(to); k++) {
            result.add(shiftStart(k));
        }
        return result;
    }
}
