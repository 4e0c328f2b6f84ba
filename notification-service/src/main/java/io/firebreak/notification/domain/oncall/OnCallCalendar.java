package io.firebreak.notification.domain.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is on call for a schedule at an instant, and the shifts of a time range. Pure: the clock is injected and
 * used only by {@link #now}.
 *
 * <p>At an instant: a temporary schedule covering it decides alone; otherwise the last listed layer active then
 * (its rotation's on-call). Overrides covering the instant apply on top, in order of their start: REMOVE takes a
 * person off, REPLACE swaps one on-call person for another, ADD puts someone on beside the others.
 */
public final class OnCallCalendar {

    /** The longest range {@link #shifts} computes. */
    public static final Duration MAX_RANGE = Duration.ofDays(400);

    private final Clock clock;

    public OnCallCalendar(Clock clock) {
        this.clock = clock;
    }

    /** Who is on call for {@code schedule} now. */
    public List<String> now(Schedule schedule, List<Override> overrides) {
        return at(schedule, overrides, clock.instant());
    }

    /** Who is on call for {@code schedule} at {@code at} (person ids; several with an ADD override, none in a gap). */
    public static List<String> at(Schedule schedule, List<Override> overrides, Instant at) {
        Set<String> onCall = new LinkedHashSet<>(base(schedule, at));
        overrides.stream().filter(o -> o.covers(at)).sorted(Comparator.comparing(Override::start)).forEach(o -> {
            switch (o.kind()) {
                case ADD -> onCall.add(o.addPerson());
                case REMOVE -> onCall.remove(o.removePerson());
                case REPLACE -> {
                    if (onCall.remove(o.removePerson())) {
                        onCall.add(o.addPerson());
                    }
                }
            }
        });
        return List.copyOf(onCall);
    }

    private static List<String> base(Schedule schedule, Instant at) {
        for (TemporarySchedule temporary : schedule.temporarySchedules()) {
            if (temporary.covers(at)) {
                return temporary.shifts().stream().filter(s -> s.covers(at)).map(Shift::personId).distinct().toList();
            }
        }
        ZoneId zone = ZoneId.of(schedule.timeZone());
        for (int i = schedule.layers().size() - 1; i >= 0; i--) {
            Layer layer = schedule.layers().get(i);
            if (layer.activeWindow() == null || layer.activeWindow().contains(at.atZone(zone).toLocalTime())) {
                String person = layer.rotation().onCall(at, 0);
                return person == null ? List.of() : List.of(person);
            }
        }
        return List.of();
    }

    /**
     * The shifts of [from, to): one per person and unbroken stretch on call, cut at the range's ends, ordered by
     * start then person.
     */
    public static List<Shift> shifts(Schedule schedule, List<Override> overrides, Instant from, Instant to) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new IllegalArgumentException("A range must end after it starts and span at most " + MAX_RANGE.toDays()
                    + " days");
        }
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(from);
        cuts.add(to);
        ZoneId zone = ZoneId.of(schedule.timeZone());
        for (Layer layer : schedule.layers()) {
            if (!layer.rotation().participants().isEmpty()) {
                cuts.addAll(layer.rotation().handoffs(from, to));
            }
            if (layer.activeWindow() != null) {
                LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
                for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last);
                        day = day.plusDays(1)) {
                    cuts.add(ZonedDateTime.of(day, layer.activeWindow().from(), zone).toInstant());
                    cuts.add(ZonedDateTime.of(day, layer.activeWindow().to(), zone).toInstant());
                }
            }
        }
        for (TemporarySchedule temporary : schedule.temporarySchedules()) {
            cuts.add(temporary.start());
            cuts.add(temporary.end());
            temporary.shifts().forEach(s -> {
                cuts.add(s.start());
                cuts.add(s.end());
            });
        }
        overrides.forEach(o -> {
            cuts.add(o.start());
            cuts.add(o.end());
        });
        List<Instant> points = new ArrayList<>(cuts.subSet(from, true, to, true));
        List<Shift> shifts = new ArrayList<>();
        Map<String, Instant> open = new LinkedHashMap<>();
        for (int i = 0; i < points.size() - 1; i++) {
            Instant start = points.get(i);
            List<String> onCall = at(schedule, overrides, start);
            for (var it = open.entrySet().iterator(); it.hasNext();) {
                var entry = it.next();
                if (!onCall.contains(entry.getKey())) {
                    shifts.add(new Shift(entry.getKey(), entry.getValue(), start));
                    it.remove();
                }
            }
            onCall.forEach(person -> open.putIfAbsent(person, start));
        }
        open.forEach((person, start) -> shifts.add(new Shift(person, start, to)));
        shifts.sort(Comparator.comparing(Shift::start).thenComparing(Shift::personId));
        return shifts;
    }
}
