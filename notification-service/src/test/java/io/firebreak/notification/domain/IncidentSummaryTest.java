package io.firebreak.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentSummaryTest {

    private static IncidentSummary summary(String title, String lead, IncidentSummary.LatestUpdate update) {
        return new IncidentSummary("i-1", "INC-7", title, "CRITICAL", "FIXING", "Card payments fail", true,
                List.of("checkout", "payments"), lead, null, "Ivo", update, "http://firebreak.test/api/v1/incidents/i-1");
    }

    @Test
    void showsTheRolesAndSaysWhoIsMissing() {
        assertThat(summary("Checkout down", "Ana", null).fields()).containsExactly("*Severity:*\nCritical",
                "*Status:*\nFixing", "*Customer impact:*\nyes · checkout, payments", "*Lead:*\nAna",
                "*Comms owner:*\nnot assigned yet", "*Investigator:*\nIvo");
    }

    @Test
    void showsTheLatestUpdatesAnswersAndWhenTheNextIsDue() {
        IncidentSummary s = summary("Checkout down", null, new IncidentSummary.LatestUpdate("CUSTOMER", "Payments fail",
                null, "Rolling back", Instant.parse("2026-11-25T14:30:00Z"), Instant.parse("2026-11-25T14:00:00Z")));
        assertThat(s.latest()).contains("*Latest update* (customer, 14:00 UTC)", "*What is happening:* Payments fail",
                "*What we are doing:* Rolling back", "*Next update:* due by 14:30 UTC").doesNotContain("Who is affected");
        assertThat(summary("x", null, null).latest()).startsWith("*Latest update:* none yet");
        assertThat(s.fallbackText()).isEqualTo(":rotating_light: INC-7: Checkout down · Critical · Fixing · Lead: not assigned yet");
    }

    @Test
    void cutsTextsToSlacksLimits() {
        IncidentSummary s = summary("t".repeat(500), "Ana", null);
        assertThat(s.headline()).hasSize(150).endsWith("…");
    }
}
