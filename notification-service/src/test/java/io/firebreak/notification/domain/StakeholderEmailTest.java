package io.firebreak.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StakeholderEmailTest {

    private static StakeholderEmail.Incident incident(boolean drill, boolean security) {
        return new StakeholderEmail.Incident("INC-7", "Checkout down", "CRITICAL", "FIXING",
                "Lena", "https://slack.com/app_redirect?channel=C1", "http://firebreak.test/api/v1/incidents/i-1",
                drill, security);
    }

    private static final StakeholderEmail.News UPDATE = new StakeholderEmail.News("internal update",
            "Internal update, 14:05 UTC", List.of("What is happening: card payments declined",
                    "Who is affected: Card payers"));

    @Test
    void namesReferenceSeverityTitleStatusLeadAndChannel() {
        StakeholderEmail email = StakeholderEmail.of(incident(false, false), UPDATE);
        assertThat(email.subject()).isEqualTo("[Firebreak] INC-7 · Critical · Checkout down: internal update");
        assertThat(email.body()).startsWith("INC-7 · Critical · Checkout down\n"
                + "Status: Fixing · Lead: Lena\n\nInternal update, 14:05 UTC\n")
                .contains("Who is affected: Card payers", "Channel: https://slack.com/app_redirect?channel=C1",
                        "What is happening: card payments declined", "Incident: http://firebreak.test/api/v1/incidents/i-1");
    }

    @Test
    void aSecurityIncidentSaysOnlyReferenceSeverityWhatHappenedAndWhereTheDetailsAre() {
        StakeholderEmail email = StakeholderEmail.of(incident(false, true), UPDATE);
        assertThat(email.subject()).isEqualTo("[Firebreak] INC-7 · Critical · security incident: internal update");
        assertThat(email.body()).isEqualTo("INC-7 · Critical · security incident: internal update.\n\n"
                + "Details stay in the incident channel: https://slack.com/app_redirect?channel=C1\n");
    }

    @Test
    void aDrillIsMarkedInSubjectAndBody() {
        StakeholderEmail email = StakeholderEmail.of(incident(true, false), UPDATE);
        assertThat(email.subject()).startsWith("[DRILL] [Firebreak] INC-7");
        assertThat(email.body()).startsWith("This is a drill.\n\n");
    }
}
