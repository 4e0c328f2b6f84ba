package io.firebreak.statuspage.web;

import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import io.firebreak.support.testing.RouteSecurityContract;
import io.firebreak.support.testing.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every route of the status page walked with every kind of credential (the shared contract), and the page's own
 * promise: its pages, feeds and v2 documents answer GET and HEAD without a credential, nothing else does.
 */
@StatusPageIntegrationTest
class RouteSecurityIT extends RouteSecurityContract {

    @Autowired
    WebTestClient client;

    @Test
    void thePublicPagesAnswerReadsWithoutACredentialAndNothingElse() {
        for (String path : List.of("/", "/history", "/history.atom", "/history.rss", "/api/v2/summary.json",
                "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances/active.json")) {
            client.get().uri(path).exchange().expectStatus().isOk();
            client.head().uri(path).exchange().expectStatus().isOk();
            for (HttpMethod write : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
                client.method(write).uri(path).exchange().expectStatus().isUnauthorized()
                        .expectHeader().exists("WWW-Authenticate");
            }
        }
        client.get().uri("/api/v2/other.json").exchange().expectStatus().isUnauthorized();
        client.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        client.get().uri("/actuator/metrics").header("Authorization", "Bearer " + TestTokens.WRITER).exchange()
                .expectStatus().isForbidden();
        client.get().uri("/actuator/metrics").header("Authorization", "Bearer " + TestTokens.ADMIN).exchange()
                .expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
