package io.firebreak.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.support.IncidentCommandIntegrationTest;
import io.firebreak.support.testing.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One noisy source is slowed down (429 + Retry-After) after its burst; another source is not. */
@IncidentCommandIntegrationTest
class IngestRateLimitIT {

    @Autowired
    private WebTestClient client;

    private HttpStatus send(String integration) {
        return HttpStatus.resolve(client.post().uri("/api/v1/integrations/webhook/" + integration)
                .headers(h -> h.setBearerAuth(TestTokens.INGEST)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "firing", "title", "Queue depth high", "dedupKey", "noisy-1"))
                .exchange().returnResult(String.class).getStatus().value());
    }

    @Test
    void limitsEachIntegrationKeyOnItsOwn() {
        int accepted = 0;
        HttpStatus last = HttpStatus.OK;
        // the default burst is 60; the refill (2 a second) may add a few while the loop runs
        for (int i = 0; i < 80 && last != HttpStatus.TOO_MANY_REQUESTS; i++) {
            last = send("noisy-source");
            if (last.is2xxSuccessful()) {
                accepted++;
            }
        }
        assertThat(last).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(accepted).isBetween(60, 79);
        client.post().uri("/api/v1/integrations/webhook/noisy-source").headers(h -> h.setBearerAuth(TestTokens.INGEST))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "firing", "title", "Queue depth high", "dedupKey", "noisy-1"))
                .exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("https://firebreak.dev/problems/rate-limited");
        assertThat(send("quiet-source").is2xxSuccessful()).isTrue();
    }
}
