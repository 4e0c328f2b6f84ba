package io.firebreak.support.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issue 13: every service answers a starved pool with 503 "nothing changed", a cut-off commit with "unknown". */
class InfrastructureProblemsTest {

    private final WebTestClient client = WebTestClient.bindToController(new Failing())
            .controllerAdvice(new ProblemHandler()).build();

    @Test
    void aPoolThatCannotLendAConnectionIsA503SayingNothingChanged() {
        client.post().uri("/pool").exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.UNAVAILABLE.uri().toString())
                .jsonPath("$.changed").isEqualTo(false);
        client.post().uri("/transaction").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.changed").isEqualTo(false);
    }

    @Test
    void aCommitCutOffIsA503ThatMakesNoClaim() {
        client.post().uri("/commit").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.OUTCOME_UNKNOWN.uri().toString())
                .jsonPath("$.changed").isEqualTo("unknown");
    }

    @Test
    void anythingElseIsOurFaultWithAnErrorId() {
        client.post().uri("/bug").exchange().expectStatus().isEqualTo(500)
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.INTERNAL.uri().toString())
                .jsonPath("$.errorId").isNotEmpty()
                .jsonPath("$.changed").doesNotExist();
    }

    @RestController
    static class Failing {

        @PostMapping("/pool")
        void pool() {
            throw new CannotGetJdbcConnectionException("Connection is not available, request timed out after 5000ms");
        }

        @PostMapping("/transaction")
        void transaction() {
            throw new CannotCreateTransactionException("no connection");
        }

        @PostMapping("/commit")
        void commit() {
            throw new TransactionSystemException("commit failed");
        }

        @PostMapping("/bug")
        void bug() {
            throw new IllegalStateException("a bug");
        }
    }
}
