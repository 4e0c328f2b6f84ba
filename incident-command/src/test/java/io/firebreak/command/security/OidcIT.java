package io.firebreak.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.support.IncidentCommandIntegrationTest;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A browser console's view of the API. People sign in at the organisation's identity provider: a real OIDC server (discovery, JWKS, signed tokens) runs
 * in the test, and what a person does is recorded as that person, with the scopes their token grants. Only the
 * configured origins may call from a browser.
 */
@IncidentCommandIntegrationTest
class OidcIT {

    private static final MockOAuth2Server IDP = started();

    @Autowired
    private WebTestClient client;

    private static MockOAuth2Server started() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("firebreak.security.oidc.issuer-uri", () -> IDP.issuerUrl("acme").toString());
        registry.add("firebreak.security.oidc.audience", () -> "firebreak");
        registry.add("firebreak.security.oidc.scope-mapping.responders", () -> "incidents:read,incidents:write");
        registry.add("firebreak.security.cors-origins", () -> "https://console.acme.test");
    }

    @AfterAll
    static void stop() {
        IDP.shutdown();
    }

    private static String token(String subject, Map<String, Object> claims) {
        return IDP.issueToken("acme", subject, "firebreak", claims).serialize();
    }

    @Test
    @SuppressWarnings("unchecked")
    void declaresAsThePersonBehindTheToken() {
        String jwt = token("u-olga", Map.of("name", "Olga Oncall", "scope", "openid incidents:read incidents:write"));
        Map<String, Object> incident = client.post().uri("/api/v1/incidents").headers(h -> h.setBearerAuth(jwt))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Checkout slow", "severity", "MINOR", "summary", "p99 up"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> events = client.get().uri("/api/v1/incidents/" + incident.get("id") + "/events")
                .headers(h -> h.setBearerAuth(jwt)).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(e -> (Map<String, Object>) e).toList();
        assertThat(events).isNotEmpty().allSatisfy(event -> {
            Map<String, Object> actor = (Map<String, Object>) event.get("actor");
            assertThat(actor.get("id")).isEqualTo("u-olga");
            assertThat(actor.get("displayName")).isEqualTo("Olga Oncall");
            assertThat(actor.get("kind")).isEqualTo("HUMAN");
        });
    }

    @Test
    void mapsGroupsToScopes() {
        String jwt = token("u-gus", Map.of("preferred_username", "gus", "scope", "responders"));
        client.get().uri("/api/v1/incidents").headers(h -> h.setBearerAuth(jwt)).exchange().expectStatus().isOk();
    }

    @Test
    void refusesATokenWithoutTheScope() {
        String jwt = token("u-rita", Map.of("name", "Rita Reader", "scope", "incidents:read"));
        client.post().uri("/api/v1/incidents").headers(h -> h.setBearerAuth(jwt))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "x", "severity", "MINOR"))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://firebreak.dev/problems/forbidden");
    }

    @Test
    void refusesATokenForAnotherAudienceOrIssuer() {
        String otherAudience = IDP.issueToken("acme", "u-eve", "someone-else",
                Map.of("scope", "incidents:read")).serialize();
        client.get().uri("/api/v1/incidents").headers(h -> h.setBearerAuth(otherAudience)).exchange()
                .expectStatus().isUnauthorized().expectHeader().exists("WWW-Authenticate");
        String otherIssuer = IDP.issueToken("evil", "u-eve", "firebreak", Map.of("scope", "incidents:read"))
                .serialize();
        client.get().uri("/api/v1/incidents").headers(h -> h.setBearerAuth(otherIssuer)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void letsOnlyTheConfiguredOriginsCallFromABrowser() {
        client.options().uri("/api/v1/incidents").header("Origin", "https://console.acme.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://console.acme.test");
        client.options().uri("/api/v1/incidents").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }
}
