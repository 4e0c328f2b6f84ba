package io.firebreak.debrief.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebriefRulesTest {

    static final Instant RESOLVED = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void requiresTheFormTheSeedsAskForBySeverity() {
        DebriefPolicy policy = DebriefPolicy.defaults();
        assertThat(policy.formFor("MINOR")).isEqualTo(DebriefForm.OPTIONAL);
        assertThat(policy.formFor("MAJOR")).isEqualTo(DebriefForm.SHORT);
        assertThat(policy.formFor("CRITICAL")).isEqualTo(DebriefForm.FULL);
        assertThat(DebriefForm.FULL.sections()).extracting(DebriefForm.Section::heading).containsExactly("Summary",
                "Key information", "Timeline", "Contributors", "Mitigators", "Risks and learnings", "Follow-ups");
        assertThat(DebriefForm.SHORT.sections()).extracting(DebriefForm.Section::heading).containsExactly("Summary",
                "Timeline", "Impact", "Contributors", "Mitigators", "Follow-ups");
    }

    @Test
    void isDueFortyEightHoursAfterResolutionThenOverdue() {
        DebriefPolicy policy = DebriefPolicy.defaults();
        assertThat(policy.dueAt(RESOLVED)).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(policy.state("CRITICAL", RESOLVED, null, RESOLVED.plusSeconds(3600))).isEqualTo("due");
        assertThat(policy.state("CRITICAL", RESOLVED, null, RESOLVED.plusSeconds(49 * 3600))).isEqualTo("overdue");
        assertThat(policy.state("CRITICAL", RESOLVED, RESOLVED.plusSeconds(60), RESOLVED.plusSeconds(49 * 3600)))
                .isEqualTo("completed");
        assertThat(policy.state("MINOR", RESOLVED, null, RESOLVED.plusSeconds(49 * 3600))).isEqualTo("none");
        assertThat(policy.state("MAJOR", null, null, RESOLVED)).isEqualTo("none");
    }

    @Test
    void computesMedianAndP90ByNearestRank() {
        DurationStats stats = DurationStats.of(List.of(50L, 10L, 40L, 30L, 20L, 60L, 70L, 80L, 90L, 100L));
        assertThat(stats).isEqualTo(new DurationStats(10, 50L, 90L));
        assertThat(DurationStats.of(List.of())).isEqualTo(new DurationStats(0, null, null));
        assertThat(DurationStats.of(List.of(7L))).isEqualTo(new DurationStats(1, 7L, 7L));
    }
}
