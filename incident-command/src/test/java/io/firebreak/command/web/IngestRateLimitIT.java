package io.firebreak.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.support.IncidentCommandIntegrationTest;
import io.firebreak.support.testing.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One noisy source is slowed down (429 + Retry-After) after its burst; another source is not. */
@IncidentCommandIntegrationTest
class IngestRateLimitIT {

    @Autowired
    private WebTestClient client;

    private EntityExchangeResult<String> send(String integration) {
        return client.post().uri("/api/v1/integrations/webhook/" + integration)
                .headers(h -> h.setBearerAuth(TestTokens.INGEST)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "firing", "title", "Queue depth high", "dedupKey", "noisy-1"))
                .exchange().expectBody(String.class).returnResult();
    }

    /**
     * The refusal is judged on the response that was refused: asking once more afterwards raced the refill (2 a
     * second), which on a loaded machine had already granted a token.
     */
    @Test
    void limitsEachIntegrationKeyOnItsOwn() {
        int accepted = 0;
        EntityExchangeResult<String> last = null;
        // the default burst is 60; the refill (2 a second) may add a few while the loop runs
        for (int i = 0; i < 80 && (last == null || last.getStatus().value() != 429); i++) {
            last = send("noisy-source");
            if (last.getStatus().is2xxSuccessful()) {
                accepted++;
            }
        }
        assertThat(last.getStatus().value()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.value());
        assertThat(accepted).isBetween(60, 79);
        assertThat(last.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(last.getResponseBody()).contains("\"type\":\"https://firebreak.dev/problems/rate-limited\"");
        assertThat(send("quiet-source").getStatus().is2xxSuccessful()).isTrue();
    }
}
