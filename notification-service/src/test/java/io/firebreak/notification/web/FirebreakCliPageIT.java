package io.firebreak.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.firebreak.cli.FirebreakCli;
import io.firebreak.notification.support.Api;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.support.testing.TestTokens;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code firebreak incident page} (module firebreak-cli, a test dependency here) against this running service; the
 * reference is resolved by a stand-in for incident-command that answers {@code GET /api/v1/incidents/INC-7} as it
 * does.
 */
@NotificationIntegrationTest
class FirebreakCliPageIT {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient anonymous;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void pagesAPersonByHandFromTheCommandLine() throws IOException {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Ledger drift", Severity.MINOR, false, "ledger");
            HttpServer command = incidentCommand("INC-7", story.incidentId);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> Api.asWriter(anonymous).get()
                        .uri("/api/v1/incidents/" + story.incidentId + "/notifications").exchange()
                        .returnResult(String.class).getStatus().is2xxSuccessful());
                Map<String, String> env = Map.of("FIREBREAK_TOKEN", TestTokens.WRITER, "FIREBREAK_URL",
                        "http://127.0.0.1:" + command.getAddress().getPort(), "FIREBREAK_NOTIFICATION_URL",
                        "http://127.0.0.1:" + port);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = FirebreakCli.run(new String[] {"incident", "page", "INC-7", "--person", "blake", "--message",
                        "Ledger totals drift since 09:00"}, env, new PrintWriter(out), new PrintWriter(err));

                assertThat(code).as(err.toString()).isZero();
                assertThat(out.toString()).contains("Paged 1 for INC-7", "Blake");
                Map<?, ?> escalation = Api.asWriter(anonymous).get().uri("/api/v1/incidents/" + story.incidentId
                        + "/escalation").exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                        .getResponseBody();
                assertThat((List<?>) escalation.get("pages")).singleElement().satisfies(page -> {
                    assertThat(((Map<?, ?>) page).get("responderId")).isEqualTo("blake");
                    assertThat(((Map<?, ?>) page).get("level")).isEqualTo(0);
                });

                StringWriter refusedErr = new StringWriter();
                int refused = FirebreakCli.run(new String[] {"incident", "page", "INC-7", "--person", "nobody-here"},
                        env, new PrintWriter(new StringWriter()), new PrintWriter(refusedErr));
                assertThat(refused).isEqualTo(1);
                assertThat(refusedErr.toString()).contains("422").contains("(field: target.id)");
            } finally {
                command.stop(0);
            }
        }
    }

    /** Answers GET /api/v1/incidents/{reference} with the incident's id, as incident-command does. */
    private static HttpServer incidentCommand(String reference, String incidentId) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/incidents/", http -> {
            boolean known = http.getRequestURI().getPath().equals("/api/v1/incidents/" + reference);
            byte[] body = (known ? "{\"id\":\"" + incidentId + "\",\"reference\":\"" + reference + "\"}"
                    : "{\"status\":404,\"detail\":\"No incident\"}").getBytes(StandardCharsets.UTF_8);
            http.getResponseHeaders().add("Content-Type", "application/json");
            http.sendResponseHeaders(known ? 200 : 404, body.length);
            http.getResponseBody().write(body);
            http.close();
        });
        server.start();
        return server;
    }
}
