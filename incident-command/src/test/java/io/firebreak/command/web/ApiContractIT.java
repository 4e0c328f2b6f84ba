package io.firebreak.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.support.Api;
import io.firebreak.command.support.IncidentCommandIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

@IncidentCommandIntegrationTest
class ApiContractIT {

    @Autowired
    WebTestClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void refusesRequestsWithoutAValidToken() {
        client.get().uri("/api/v1/incidents").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"firebreak\"");
        client.get().uri("/api/v1/incidents").headers(h -> h.setBearerAuth("not-a-token")).exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/api/v1/incidents").header("Authorization", "Basic dXNlcjpwYXNz").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void refusesActionsOutsideTheTokensScopes() {
        client.post().uri("/api/v1/incidents").headers(h -> h.setBearerAuth(Api.READER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "x", "severity", "MINOR"))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("This credential lacks the scope 'incidents:write'");
        client.get().uri("/api/v1/incidents").headers(h -> h.setBearerAuth(Api.INGEST)).exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/v1/incidents").headers(h -> h.setBearerAuth(Api.READER)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void leavesHealthAndTheApiDocumentOpen() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
    }

    /** The responder console (issue 18): its files and settings need no token; every API still does. */
    @Test
    void servesTheConsoleWithoutATokenAndKeepsTheApiScoped() {
        client.get().uri("/console").exchange().expectStatus().isEqualTo(301)
                .expectHeader().valueEquals("Location", "/console/");
        String page = client.get().uri("/console/").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<main id=\"view\"", "src=\"./app.js\"");
        for (String module : List.of("app.js", "api.js", "auth.js", "sse.js", "board.js", "incident.js")) {
            client.get().uri("/console/" + module).exchange().expectStatus().isOk()
                    .expectHeader().value("Content-Type", type -> assertThat(type).contains("javascript"));
        }
        client.get().uri("/console/console.css").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.valueOf("text/css"));
        client.get().uri("/console/config.json").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.commandUrl").isEqualTo("")
                .jsonPath("$.notificationUrl").isEqualTo("http://127.0.0.1:18081")
                .jsonPath("$.statuspageUrl").isEqualTo("http://127.0.0.1:18082")
                .jsonPath("$.debriefUrl").isEqualTo("")
                .jsonPath("$.oidc.issuer").isEqualTo("https://sso.example.test/realms/firebreak")
                .jsonPath("$.oidc.clientId").isEqualTo("firebreak-console")
                .jsonPath("$.updateCadenceMinutes.CRITICAL").isEqualTo(15)
                .jsonPath("$.updateCadenceMinutes.MAJOR").isEqualTo(30);
        // the ECharts webjar (on-call and insights) is public too once it is on the classpath
        if (getClass().getResource("/META-INF/resources/webjars/echarts") != null) {
            client.get().uri("/webjars/echarts/5.3.1/dist/echarts.min.js").exchange().expectStatus().isOk();
        }
        client.get().uri("/api/v1/incidents").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/incidents/stream").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void returnsTheSameIncidentForARetriedIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("title", "Payments degraded", "severity", "P1");
        Map<?, ?> first = client.post().uri("/api/v1/incidents").headers(h -> h.setBearerAuth(Api.WRITER))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "false")
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> again = client.post().uri("/api/v1/incidents").headers(h -> h.setBearerAuth(Api.WRITER))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals("Location", "/api/v1/incidents/" + first.get("id"))
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(again.get("reference")).isEqualTo(first.get("reference"));
        assertThat(events(first.get("id").toString())).isEqualTo(1);
    }

    @Test
    void rejectsAnIdempotencyKeyReusedWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        client.post().uri("/api/v1/incidents").headers(h -> h.setBearerAuth(Api.WRITER)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "One", "severity", "P1"))
                .exchange().expectStatus().isCreated();
        client.post().uri("/api/v1/incidents").headers(h -> h.setBearerAuth(Api.WRITER)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Two", "severity", "P1"))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("Idempotency-Key")
                .jsonPath("$.type").isEqualTo("https://firebreak.dev/problems/idempotency-key-reused");
    }

    @Test
    void createsOneIncidentWhenTheSameKeyArrivesConcurrently() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("title", "Concurrent retry", "severity", "P2");
        Callable<Object> declare = () -> client.post().uri("/api/v1/incidents").headers(h -> h.setBearerAuth(Api.WRITER))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> results = pool.invokeAll(java.util.Collections.nCopies(8, declare));
            Object id = results.get(0).get();
            for (Future<Object> result : results) {
                assertThat(result.get()).isEqualTo(id);
            }
            assertThat(events(id.toString())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void appliesIfMatchAsOptimisticConcurrency() {
        String id = (String) Api.declare(client, Map.of("title", "Versioned", "severity", "MINOR")).get("id");
        client.post().uri("/api/v1/incidents/" + id + "/notes").headers(h -> h.setBearerAuth(Api.WRITER))
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "NOTE", "text", "first")).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");
        client.post().uri("/api/v1/incidents/" + id + "/notes").headers(h -> h.setBearerAuth(Api.WRITER))
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "NOTE", "text", "based on a stale read")).exchange()
                .expectStatus().isEqualTo(412);
        assertThat(events(id)).isEqualTo(2);
    }

    @Test
    void streamsNewEventsAsServerSentEvents() {
        Flux<ServerSentEvent<Map<String, Object>>> stream = client.get().uri("/api/v1/incidents/stream")
                .headers(h -> h.setBearerAuth(Api.READER)).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody();

        StepVerifier.create(stream.filter(e -> e.data() != null && "Streamed".equals(
                        ((Map<?, ?>) e.data().get("data")).get("title"))).take(1))
                .then(() -> Api.declare(client, Map.of("title", "Streamed", "severity", "MINOR")))
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("IncidentDeclared");
                    assertThat(event.id()).isEqualTo(event.data().get("eventId"));
                })
                .expectComplete()
                .verify(Duration.ofSeconds(20));
    }

    private long events(String incidentId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                incidentId);
    }
}
