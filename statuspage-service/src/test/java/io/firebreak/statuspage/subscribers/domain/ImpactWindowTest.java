package io.firebreak.statuspage.subscribers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImpactWindowTest {

    private static final Instant START = Instant.parse("2026-11-26T14:02:10Z");

    @Test
    void saysSinceWhileOpenAndFromToOnceResolved() {
        Instant now = Instant.parse("2026-11-26T15:00:00Z");
        assertThat(ImpactWindow.describe(START, null, now)).isEqualTo("since 14:02 UTC");
        assertThat(ImpactWindow.describe(START, Instant.parse("2026-11-26T14:47:00Z"), now))
                .isEqualTo("from 14:02 to 14:47 UTC");
    }

    @Test
    void showsDatesWhenTheWindowCrossesDays() {
        Instant nextDay = Instant.parse("2026-11-27T09:00:00Z");
        assertThat(ImpactWindow.describe(START, null, nextDay)).isEqualTo("since 26 Nov 2026 14:02 UTC");
        assertThat(ImpactWindow.describe(START, Instant.parse("2026-11-27T01:15:00Z"), nextDay))
                .isEqualTo("from 26 Nov 2026 14:02 to 27 Nov 2026 01:15 UTC");
    }
}
