package io.firebreak.notification.domain.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandOffTest {

    @Test
    void findsTheHandOffsOfARangeAcrossTheSpringDstChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Schedule schedule = OnCallCalendarTest.daily("Europe/Berlin", LocalTime.of(9, 0), LocalDate.of(2026, 3, 27),
                "ana", "ben");
        // 29 March 2026: clocks go forward at 02:00 in Berlin; the 09:00 hand-off is at 07:00Z, not 08:00Z
        Instant handOff = ZonedDateTime.of(2026, 3, 29, 9, 0, 0, 0, berlin).toInstant();
        assertThat(handOff).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));

        List<HandOff> found = HandOff.between(schedule, List.of(), handOff.minusSeconds(600), handOff.plusSeconds(60));

        assertThat(found).containsExactly(new HandOff(handOff, List.of("ben"), List.of("ana")));
        assertThat(HandOff.between(schedule, List.of(), handOff, handOff.plusSeconds(600)))
                .as("a range starting at the hand-off does not contain it").isEmpty();
        assertThat(HandOff.between(schedule, List.of(), handOff.minusSeconds(600), handOff.minusMillis(1))).isEmpty();
    }
}
