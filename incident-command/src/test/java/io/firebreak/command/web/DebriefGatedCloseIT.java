package io.firebreak.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.command.support.Api;
import io.firebreak.command.support.DebriefEvents;
import io.firebreak.command.support.IncidentCommandIntegrationTest;
import io.firebreak.schemas.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A Major or Critical incident closes only after debrief-service has announced its completed debrief on
 * firebreak.debrief-events, and with that debrief's link; a Minor one closes at once (issue 16, item 1).
 */
@IncidentCommandIntegrationTest
class DebriefGatedCloseIT {

    @Autowired
    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void aCriticalIncidentClosesOnlyAfterItsDebriefIsCompletedAndWithItsLink() {
        Map<String, Object> declared = resolved("CRITICAL");
        String id = (String) declared.get("id");

        // any link is refused while the debrief is due, naming what is missing
        Api.post(client, "/api/v1/incidents/" + id + "/close", Map.of("debriefUrl", "https://example.com/anything"))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("debrief")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("debrief is completed"));
        Api.get(client, "/api/v1/incidents/" + id).expectBody().jsonPath("$.status").isEqualTo("RESOLVED");

        // debrief-service's outbox delivers at least once: the same completion twice
        String debriefUrl = "http://debriefs.example/api/v1/incidents/" + id + "/debrief";
        DebriefEvents.complete(broker.getBrokersAsString(), id, (String) declared.get("reference"), Severity.CRITICAL,
                debriefUrl, 2);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Api.post(client, "/api/v1/incidents/" + id + "/close", Map.of())
                        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED"));
        Api.get(client, "/api/v1/incidents/" + id + "/events").expectBody()
                .jsonPath("$[?(@.type == 'IncidentClosed')].data.debriefUrl").isEqualTo(List.of(debriefUrl));
    }

    @Test
    void aMinorIncidentClosesAtOnce() {
        String id = (String) resolved("MINOR").get("id");
        Api.post(client, "/api/v1/incidents/" + id + "/close", Map.of())
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");
    }

    private Map<String, Object> resolved(String severity) {
        Map<String, Object> declared = Api.declare(client, Map.of("title", "Search reindex failed", "severity", severity,
                "affectedServices", List.of("search")));
        Api.post(client, "/api/v1/incidents/" + declared.get("id") + "/resolve", Map.of("resolution", "Scaled out"))
                .expectStatus().isOk();
        return declared;
    }
}
