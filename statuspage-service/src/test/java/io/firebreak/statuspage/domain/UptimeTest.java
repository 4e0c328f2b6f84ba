package io.firebreak.statuspage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.statuspage.domain.Uptime.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UptimeTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void coloursEachDayByItsWorstImpactAndWeighsPartialOutagesAtThirtyPercent() {
        Uptime.Bar bar = Uptime.of(List.of(
                new Outage("major_outage", Instant.parse("2026-11-20T14:02:00Z"), Instant.parse("2026-11-20T14:47:00Z")),
                new Outage("partial_outage", Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T11:00:00Z")),
                new Outage("degraded_performance", Instant.parse("2026-11-22T23:00:00Z"),
                        Instant.parse("2026-11-23T01:00:00Z"))), NOW, 90);

        assertThat(bar.days()).hasSize(90);
        assertThat(bar.days().get(89).date()).hasToString("2026-11-26");
        assertThat(bar.days().get(83)).satisfies(d -> {
            assertThat(d.date()).hasToString("2026-11-20");
            assertThat(d.worst()).isEqualTo("major_outage");
        });
        assertThat(bar.days().get(85).worst()).isEqualTo("degraded_performance");
        assertThat(bar.days().get(86).worst()).as("spans midnight").isEqualTo("degraded_performance");
        assertThat(bar.days().get(88).worst()).isEqualTo("operational");
        double window = Duration.ofDays(89).plusHours(12).toMinutes();
        double expected = 100 * (window - 45 - 0.3 * 60) / window;
        assertThat(bar.percent()).isBetween(expected - 0.01, expected);
    }

    @Test
    void anOpenOutageLastsUntilNowAndNothingIsAHundredPercent() {
        assertThat(Uptime.of(List.of(), NOW, 90).percent()).isEqualTo(100.0);
        Uptime.Bar open = Uptime.of(List.of(new Outage("major_outage", NOW.minus(Duration.ofHours(1)), null)), NOW, 90);
        assertThat(open.days().get(89).worst()).isEqualTo("major_outage");
        assertThat(open.percent()).isLessThan(100.0);
    }
}
