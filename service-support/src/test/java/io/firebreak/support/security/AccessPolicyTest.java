package io.firebreak.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Rules that accept any one of several scopes (issue 17: {@code incidents:write} or {@code statuspage:write}). */
class AccessPolicyTest {

    @Test
    void aRuleMayAcceptAnyOfSeveralScopesTheFirstNamedFirst() {
        AccessPolicy policy = AccessPolicy.builder()
                .requireAny(List.of(Scopes.INCIDENTS_WRITE, Scopes.STATUSPAGE_WRITE), HttpMethod.POST,
                        "/api/v1/incidents/{id}/status-page/**")
                .require(Scopes.INCIDENTS_WRITE, HttpMethod.POST, "/api/v1/incidents/**")
                .build();

        AccessPolicy.Rule publish = policy.ruleFor(HttpMethod.POST, "/api/v1/incidents/42/status-page/publish")
                .orElseThrow();
        assertThat(publish.scope()).isEqualTo(Scopes.INCIDENTS_WRITE);
        assertThat(publish.scopes()).containsExactly(Scopes.INCIDENTS_WRITE, Scopes.STATUSPAGE_WRITE);
        AccessPolicy.Rule note = policy.ruleFor(HttpMethod.POST, "/api/v1/incidents/42/notes").orElseThrow();
        assertThat(note.scopes()).containsExactly(Scopes.INCIDENTS_WRITE);
        assertThat(note.alsoAccepted()).isEmpty();
    }

    @Test
    void refusesAScopeFirebreakDoesNotKnow() {
        assertThatThrownBy(() -> AccessPolicy.builder().requireAny(List.of(Scopes.INCIDENTS_WRITE, "status:write"),
                HttpMethod.POST, "/x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AccessPolicy.builder().permit("/status").build().rules().get(0).scopes()).isEmpty();
    }

    @Test
    void whoAmIIsForAnyValidCredentialAheadOfTheServiceRules() {
        AccessPolicy policy = SecuritySupportConfiguration.withActuator(AccessPolicy.builder()
                .require(Scopes.PAGING_ACK, HttpMethod.GET, "/api/v1/me/pages")
                .require(Scopes.INCIDENTS_READ, HttpMethod.GET, "/api/v1/**")
                .build());

        AccessPolicy.Rule me = policy.ruleFor(HttpMethod.GET, "/api/v1/me").orElseThrow();
        assertThat(me.anyCaller()).isTrue();
        assertThat(me.isPublic()).isFalse();
        assertThat(me.scopes()).isEmpty();
        assertThat(policy.ruleFor(HttpMethod.GET, "/api/v1/me/pages").orElseThrow().scope())
                .isEqualTo(Scopes.PAGING_ACK);
        assertThat(policy.ruleFor(HttpMethod.POST, "/api/v1/me")).isEmpty();
    }
}
