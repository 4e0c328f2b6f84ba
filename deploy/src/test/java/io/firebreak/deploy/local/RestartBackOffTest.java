package io.firebreak.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartBackOffTest {

    private final MutableClock clock = new MutableClock();
    private final RestartBackOff backOff = RestartBackOff.standard(clock);

    @Test
    void restartsTheFirstCrashWithinFiveSeconds() {
        backOff.healthy();
        clock.advance(Duration.ofMinutes(10));

        RestartBackOff.Restart restart = backOff.crashed();

        assertThat(restart.attempt()).isEqualTo(1);
        assertThat(restart.delay()).isLessThanOrEqualTo(Duration.ofSeconds(5)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void doublesTheDelayForCrashesInARowUpToTheCap() {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(backOff.crashed().delay());
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(delays).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void keepsBackingOffWhenTheRestartCrashesBeforeItWasHealthyForLong() {
        backOff.crashed();
        backOff.crashed();
        backOff.healthy();
        clock.advance(Duration.ofSeconds(59));

        RestartBackOff.Restart third = backOff.crashed();

        assertThat(third.attempt()).isEqualTo(3);
        assertThat(third.delay()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void startsOverAfterAHealthyPeriod() {
        for (int i = 0; i < 5; i++) {
            backOff.crashed();
        }
        backOff.healthy();
        clock.advance(Duration.ofSeconds(60));

        RestartBackOff.Restart next = backOff.crashed();

        assertThat(next.attempt()).isEqualTo(1);
        assertThat(next.delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void countsTheHealthyPeriodFromTheFirstHealthyReportAfterARestart() {
        backOff.crashed();
        backOff.healthy();
        clock.advance(Duration.ofSeconds(40));
        backOff.healthy();
        clock.advance(Duration.ofSeconds(20));

        assertThat(backOff.crashed().attempt()).isEqualTo(1);
    }

    @Test
    void refusesACapBelowTheFirstDelay() {
        assertThatThrownBy(() -> new RestartBackOff(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1),
                clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
