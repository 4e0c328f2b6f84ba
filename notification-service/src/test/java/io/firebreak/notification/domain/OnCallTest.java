package io.firebreak.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.notification.domain.oncall.Target;
import io.firebreak.notification.domain.oncall.TargetKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnCallTest {

    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    static final List<String> PEOPLE = List.of("avery", "blake", "casey");

    @Test
    void handsOverEveryWeekAndWrapsAround() {
        Duration week = Duration.ofDays(7);
        assertThat(OnCall.pick(PEOPLE, START, week, START.plusSeconds(1), 0)).isEqualTo("avery");
        assertThat(OnCall.pick(PEOPLE, START, week, START.plus(Duration.ofDays(8)), 0)).isEqualTo("blake");
        assertThat(OnCall.pick(PEOPLE, START, week, START.plus(Duration.ofDays(21)), 0)).isEqualTo("avery");
        assertThat(OnCall.pick(PEOPLE, START, week, START.minus(Duration.ofDays(1)), 0)).isEqualTo("casey");
    }

    @Test
    void findsTheNextPersonInLine() {
        assertThat(OnCall.pick(PEOPLE, START, Duration.ofDays(7), START.plus(Duration.ofDays(15)), 1)).isEqualTo("avery");
    }

    @Test
    void parsesTargets() {
        // the YAML targets of application.yml, now read into the on-call model's targets
        assertThat(Target.parseLegacy("rotation:platform")).isEqualTo(new Target(TargetKind.ROTATION, "platform", 0));
        assertThat(Target.parseLegacy("rotation:platform+1")).isEqualTo(new Target(TargetKind.ROTATION, "platform", 1));
        assertThat(Target.parseLegacy("person:em")).isEqualTo(new Target(TargetKind.PERSON, "em", 0));
        assertThatThrownBy(() -> Target.parseLegacy("team:x")).isInstanceOf(IllegalArgumentException.class);
    }
}
