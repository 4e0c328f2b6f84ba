package io.firebreak.notification.domain.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OnCallCalendarTest {

    static final List<Override> NONE = List.of();

    static Schedule daily(String zone, LocalTime handoff, LocalDate start, String... people) {
        return new Schedule("s", "S", zone, List.of(new Layer(new Rotation("r", "R", RotationType.DAILY, 1, handoff,
                start, null, List.of(people)), null)), List.of());
    }

    static Instant at(String zone, String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    @Nested
    class AcrossDaylightSavingTime {

        @Test
        void berlinHandsOffAtNineLocalOnBothSidesOfSpringForward() {
            // 2026-03-29 02:00 CET becomes 03:00 CEST in Europe/Berlin
            Schedule s = daily("Europe/Berlin", LocalTime.of(9, 0), LocalDate.of(2026, 3, 27), "ana", "ben", "cem");
            assertThat(OnCallCalendar.at(s, NONE, at("Europe/Berlin", "2026-03-28T08:59"))).containsExactly("ana");
            assertThat(OnCallCalendar.at(s, NONE, at("Europe/Berlin", "2026-03-28T09:00"))).containsExactly("ben");
            assertThat(OnCallCalendar.at(s, NONE, at("Europe/Berlin", "2026-03-29T08:59"))).containsExactly("ben");
            assertThat(OnCallCalendar.at(s, NONE, at("Europe/Berlin", "2026-03-29T09:00"))).containsExactly("cem");
            List<Shift> shifts = OnCallCalendar.shifts(s, NONE, at("Europe/Berlin", "2026-03-28T09:00"),
                    at("Europe/Berlin", "2026-03-30T09:00"));
            assertThat(shifts).extracting(sh -> Duration.between(sh.start(), sh.end()))
                    .as("the shift across the change is 23 hours").containsExactly(Duration.ofHours(23),
                            Duration.ofHours(24));
            assertThat(shifts.get(1).start()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        }

        @Test
        void berlinFallBackMakesA25HourShiftAndAHandoffInTheRepeatedHourTakesTheFirst() {
            // 2026-10-25 03:00 CEST becomes 02:00 CET
            Schedule nine = daily("Europe/Berlin", LocalTime.of(9, 0), LocalDate.of(2026, 10, 24), "ana", "ben");
            List<Shift> shifts = OnCallCalendar.shifts(nine, NONE, at("Europe/Berlin", "2026-10-24T09:00"),
                    at("Europe/Berlin", "2026-10-25T09:00"));
            assertThat(shifts).singleElement().satisfies(sh -> {
                assertThat(sh.personId()).isEqualTo("ana");
                assertThat(Duration.between(sh.start(), sh.end())).isEqualTo(Duration.ofHours(25));
            });
            Schedule half = daily("Europe/Berlin", LocalTime.of(2, 30), LocalDate.of(2026, 10, 24), "ana", "ben");
            assertThat(half.layers().get(0).rotation().shiftStart(1)).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        }

        @Test
        void newYorkHandOffInTheSpringGapMovesLaterByTheGap() {
            // 2026-03-08 02:00 EST becomes 03:00 EDT: 02:30 does not exist that day
            Schedule s = daily("America/New_York", LocalTime.of(2, 30), LocalDate.of(2026, 3, 7), "ana", "ben");
            Rotation r = s.layers().get(0).rotation();
            assertThat(r.shiftStart(1)).isEqualTo(ZonedDateTime.of(2026, 3, 8, 3, 30, 0, 0,
                    ZoneId.of("America/New_York")).toInstant());
            assertThat(OnCallCalendar.at(s, NONE, Instant.parse("2026-03-08T07:29:00Z"))).containsExactly("ana");
            assertThat(OnCallCalendar.at(s, NONE, Instant.parse("2026-03-08T07:30:00Z"))).containsExactly("ben");
        }

        @Test
        void newYorkWeeklyRotationKeepsItsWallClockAcrossNovember() {
            // 2026-11-01 02:00 EDT becomes 01:00 EST
            Schedule s = new Schedule("s", "S", "America/New_York", List.of(new Layer(new Rotation("r", "R",
                    RotationType.WEEKLY, 1, LocalTime.of(10, 0), LocalDate.of(2026, 10, 26), null,
                    List.of("ana", "ben")), null)), List.of());
            assertThat(OnCallCalendar.at(s, NONE, at("America/New_York", "2026-11-02T09:59"))).containsExactly("ana");
            assertThat(OnCallCalendar.at(s, NONE, at("America/New_York", "2026-11-02T10:00"))).containsExactly("ben");
            assertThat(at("America/New_York", "2026-11-02T10:00")).isEqualTo(Instant.parse("2026-11-02T15:00:00Z"));
        }
    }

    @Nested
    class OverridesLayersAndTemporarySchedules {

        Schedule s = daily("UTC", LocalTime.of(9, 0), LocalDate.of(2026, 1, 1), "ana", "ben");
        Instant noon = Instant.parse("2026-01-01T12:00:00Z");

        Override override(OverrideKind kind, String add, String remove, String from, String to) {
            return new Override("o-" + kind, "s", kind, add, remove, Instant.parse(from), Instant.parse(to));
        }

        @Test
        void replaceAddAndRemoveApplyOnlyWithinTheirRange() {
            Override replace = override(OverrideKind.REPLACE, "cem", "ana", "2026-01-01T10:00:00Z", "2026-01-01T14:00:00Z");
            assertThat(OnCallCalendar.at(s, List.of(replace), noon)).containsExactly("cem");
            assertThat(OnCallCalendar.at(s, List.of(replace), Instant.parse("2026-01-01T14:00:00Z")))
                    .containsExactly("ana");
            Override add = override(OverrideKind.ADD, "dee", null, "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
            assertThat(OnCallCalendar.at(s, List.of(add), noon)).containsExactly("ana", "dee");
            Override remove = override(OverrideKind.REMOVE, null, "ana", "2026-01-01T11:00:00Z", "2026-01-01T13:00:00Z");
            assertThat(OnCallCalendar.at(s, List.of(remove), noon)).isEmpty();
            Override replaceSomeoneElse = override(OverrideKind.REPLACE, "cem", "ben", "2026-01-01T10:00:00Z",
                    "2026-01-01T14:00:00Z");
            assertThat(OnCallCalendar.at(s, List.of(replaceSomeoneElse), noon)).as("ben is not on call then")
                    .containsExactly("ana");
        }

        @Test
        void shiftsShowTheOverrideAsItsOwnShift() {
            Override replace = override(OverrideKind.REPLACE, "cem", "ana", "2026-01-01T10:00:00Z", "2026-01-01T14:00:00Z");
            assertThat(OnCallCalendar.shifts(s, List.of(replace), Instant.parse("2026-01-01T09:00:00Z"),
                    Instant.parse("2026-01-02T12:00:00Z"))).containsExactly(
                            new Shift("ana", Instant.parse("2026-01-01T09:00:00Z"), Instant.parse("2026-01-01T10:00:00Z")),
                            new Shift("cem", Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T14:00:00Z")),
                            new Shift("ana", Instant.parse("2026-01-01T14:00:00Z"), Instant.parse("2026-01-02T09:00:00Z")),
                            new Shift("ben", Instant.parse("2026-01-02T09:00:00Z"), Instant.parse("2026-01-02T12:00:00Z")));
        }

        @Test
        void theLastActiveLayerWinsAndATemporaryScheduleDecidesAlone() {
            Rotation business = new Rotation("day", "Day", RotationType.WEEKLY, 1, LocalTime.of(9, 0),
                    LocalDate.of(2026, 1, 1), "UTC", List.of("eve"));
            Schedule layered = new Schedule("s", "S", "UTC", List.of(s.layers().get(0),
                    new Layer(business, new DailyWindow(LocalTime.of(9, 0), LocalTime.of(17, 0)))), List.of());
            assertThat(OnCallCalendar.at(layered, NONE, noon)).containsExactly("eve");
            assertThat(OnCallCalendar.at(layered, NONE, Instant.parse("2026-01-01T18:00:00Z"))).containsExactly("ana");

            TemporarySchedule holiday = new TemporarySchedule(Instant.parse("2026-01-01T00:00:00Z"),
                    Instant.parse("2026-01-03T00:00:00Z"), List.of(new Shift("fay",
                            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T20:00:00Z"))));
            Schedule withHoliday = new Schedule("s", "S", "UTC", layered.layers(), List.of(holiday));
            assertThat(OnCallCalendar.at(withHoliday, NONE, noon)).containsExactly("fay");
            assertThat(OnCallCalendar.at(withHoliday, NONE, Instant.parse("2026-01-01T21:00:00Z")))
                    .as("a gap in a temporary schedule is a gap").isEmpty();
            assertThat(OnCallCalendar.at(withHoliday, NONE, Instant.parse("2026-01-03T10:00:00Z"))).containsExactly("eve");
        }

        @Test
        void nowReadsTheInjectedClock() {
            OnCallCalendar calendar = new OnCallCalendar(Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC));
            assertThat(calendar.now(s, NONE)).containsExactly("ben");
        }
    }
}
