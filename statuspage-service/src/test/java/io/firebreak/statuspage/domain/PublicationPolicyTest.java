package io.firebreak.statuspage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.statuspage.domain.PublicationPolicy.Candidate;
import io.firebreak.statuspage.domain.PublicationPolicy.Trigger;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicationPolicyTest {

    private final PublicationPolicy policy = new PublicationPolicy(Set.of("CRITICAL"), Set.of("MAJOR"));

    private static Candidate ordinary(String severity, boolean impact, boolean hasCustomerUpdate) {
        return new Candidate(severity, impact, false, hasCustomerUpdate, false, false, false);
    }

    private static Candidate fromMonitoring(String severity, boolean customerFacing, boolean hasCustomerUpdate) {
        return new Candidate(severity, false, customerFacing, hasCustomerUpdate, false, false, false);
    }

    private static Candidate security(String severity, boolean impact, boolean hasCustomerUpdate) {
        return new Candidate(severity, impact, true, hasCustomerUpdate, true, false, false);
    }

    private static Candidate drill(String severity, boolean security) {
        return new Candidate(severity, true, true, true, security, true, false);
    }

    private static Candidate hidden(String severity) {
        return new Candidate(severity, true, true, true, false, false, true);
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
    void publishesACriticalFromMonitoringAtOnceWhenAnAffectedServiceIsCustomerFacing() {
        assertThat(policy.publishNow(fromMonitoring("CRITICAL", true, false), Trigger.DECLARED)).isTrue();
        assertThat(policy.publishNow(fromMonitoring("CRITICAL", true, false), Trigger.SEVERITY_CHANGED)).isTrue();
        assertThat(policy.publishNow(fromMonitoring("CRITICAL", true, false), Trigger.CUSTOMER_IMPACT_CHANGED)).isTrue();
        assertThat(policy.publishNow(fromMonitoring("CRITICAL", false, false), Trigger.DECLARED))
                .as("no public component affected, no flag").isFalse();
    }

    @Test
    void neverPublishesMajorWithoutCustomerUpdateNorMinorEvenWhenCustomerFacing() {
        assertThat(policy.publishNow(fromMonitoring("MAJOR", true, false), Trigger.DECLARED)).isFalse();
        assertThat(policy.publishNow(fromMonitoring("MAJOR", true, true), Trigger.CUSTOMER_UPDATE_POSTED))
                .as("Major needs customer impact as before").isFalse();
        for (Trigger trigger : Trigger.values()) {
            assertThat(policy.publishNow(fromMonitoring("MINOR", true, true), trigger)).as(trigger.name()).isFalse();
            assertThat(policy.publishNow(ordinary("MINOR", true, true), trigger)).as(trigger.name()).isFalse();
        }
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
        assertThat(policy.publishNow(security("CRITICAL", false, true), Trigger.CUSTOMER_UPDATE_POSTED))
                .as("customer-facing is not enough for a security incident").isFalse();
    }

    @Test
    void neverPublishesADrillNotEvenByHand() {
        for (Trigger trigger : Trigger.values()) {
            assertThat(policy.publishNow(drill("CRITICAL", false), trigger)).as(trigger.name()).isFalse();
            assertThat(policy.publishNow(drill("CRITICAL", true), trigger)).as("security " + trigger).isFalse();
        }
        assertThat(policy.publishByHand(true)).isFalse();
        assertThat(policy.publishByHand(false)).isTrue();
    }

    @Test
    void neverRepublishesAHiddenIncidentAutomatically() {
        for (Trigger trigger : Trigger.values()) {
            assertThat(policy.publishNow(hidden("CRITICAL"), trigger)).as(trigger.name()).isFalse();
            assertThat(policy.publishNow(hidden("MAJOR"), trigger)).as(trigger.name()).isFalse();
        }
    }
}
