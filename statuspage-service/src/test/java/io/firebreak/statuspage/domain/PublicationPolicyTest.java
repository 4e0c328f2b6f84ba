package io.firebreak.statuspage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.statuspage.domain.PublicationPolicy.Candidate;
import io.firebreak.statuspage.domain.PublicationPolicy.Trigger;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicationPolicyTest {

    private final PublicationPolicy policy = new PublicationPolicy(Set.of("CRITICAL"), Set.of("MAJOR"));

    private static Candidate ordinary(String severity, boolean impact, boolean hasCustomerUpdate) {
        return new Candidate(severity, impact, hasCustomerUpdate, false, false);
    }

    private static Candidate security(String severity, boolean impact, boolean hasCustomerUpdate) {
        return new Candidate(severity, impact, hasCustomerUpdate, true, false);
    }

    private static Candidate drill(String severity, boolean security) {
        return new Candidate(severity, true, true, security, true);
    }

    @Test
    void publishesCriticalAtOnceMajorOnCustomerUpdateAndNeverMinorOrInternal() {
        assertThat(policy.publishNow(ordinary("CRITICAL", true, false), Trigger.DECLARED)).isTrue();
        assertThat(policy.publishNow(ordinary("MAJOR", true, false), Trigger.DECLARED)).isFalse();
        assertThat(policy.publishNow(ordinary("MAJOR", true, true), Trigger.CUSTOMER_UPDATE_POSTED)).isTrue();
        assertThat(policy.publishNow(ordinary("MAJOR", true, true), Trigger.SEVERITY_CHANGED)).isTrue();
        assertThat(policy.publishNow(ordinary("MINOR", true, true), Trigger.CUSTOMER_UPDATE_POSTED)).isFalse();
        assertThat(policy.publishNow(ordinary("CRITICAL", false, true), Trigger.CUSTOMER_UPDATE_POSTED)).isFalse();
    }

    @Test
    void neverPublishesASecurityIncidentAutomatically() {
        for (Trigger trigger : new Trigger[] {Trigger.DECLARED, Trigger.SEVERITY_CHANGED,
                Trigger.CUSTOMER_IMPACT_CHANGED}) {
            assertThat(policy.publishNow(security("CRITICAL", true, false), trigger)).as(trigger.name()).isFalse();
            assertThat(policy.publishNow(security("CRITICAL", true, true), trigger))
                    .as(trigger + " after an earlier customer update").isFalse();
        }
    }

    @Test
    void publishesASecurityIncidentOnlyByACustomerUpdateAtAPublishableSeverity() {
        assertThat(policy.publishNow(security("CRITICAL", true, true), Trigger.CUSTOMER_UPDATE_POSTED)).isTrue();
        assertThat(policy.publishNow(security("MAJOR", true, true), Trigger.CUSTOMER_UPDATE_POSTED)).isTrue();
        assertThat(policy.publishNow(security("MINOR", true, true), Trigger.CUSTOMER_UPDATE_POSTED)).isFalse();
        assertThat(policy.publishNow(security("CRITICAL", false, true), Trigger.CUSTOMER_UPDATE_POSTED)).isFalse();
    }

    @Test
    void neverPublishesADrill() {
        for (Trigger trigger : Trigger.values()) {
            assertThat(policy.publishNow(drill("CRITICAL", false), trigger)).as(trigger.name()).isFalse();
            assertThat(policy.publishNow(drill("CRITICAL", true), trigger)).as("security " + trigger).isFalse();
        }
    }
}
