package io.firebreak.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.command.support.Api;
import io.firebreak.support.testing.TestTokens;
import io.firebreak.command.support.DebriefEvents;
import io.firebreak.command.support.IncidentCommandIntegrationTest;
import io.firebreak.command.support.TopicReader;
import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.IncidentClosed;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.RoleAssigned;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.incident.StatusChanged;
import io.firebreak.schemas.incident.UpdatePosted;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

@IncidentCommandIntegrationTest
class IncidentLifecycleIT {

    @Autowired
    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void declareUpdateResolveCloseArrivesOnTheTopicInOrder() {
        Map<String, Object> declared = Api.declare(client, Map.of(
                "title", "Checkout fails for card payments",
                "summary", "5xx on /checkout",
                "severity", "SEV1",
                "customerImpact", true,
                "affectedServices", List.of("checkout"),
                "incidentLead", Map.of("id", "u-ana", "name", "Ana")));
        String id = (String) declared.get("id");
        assertThat(declared).containsEntry("severity", "CRITICAL").containsEntry("status", "INVESTIGATING")
                .containsEntry("reportedSeverity", "SEV1").containsEntry("version", 1);
        assertThat((String) declared.get("reference")).matches("INC-\\d+");
        String metrics = client.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestTokens.ADMIN))
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody() // > 64 KiB: by line
                .filter(line -> line.startsWith("firebreak_incidents_open{") || line.startsWith("http_server_requests"))
                .collectList().block(java.time.Duration.ofSeconds(10)).stream()
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(metrics).as("requests are timed; the in-flight long-task timer is not kept (firebreak-defaults.yml)")
                .contains("http_server_requests_seconds_count{").doesNotContain("http_server_requests_active");
        assertThat(metrics).as("open incidents per severity, for the operator's dashboard")
                .contains("severity=\"MINOR\"", "severity=\"MAJOR\"").containsPattern("severity=\"CRITICAL\"} [1-9]");
        assertThat((String) declared.get("channelName")).matches("inc-\\d{4}-\\d{2}-\\d{2}-checkout-fails-for-card-payments(-\\d+)?");

        Api.post(client, "/api/v1/incidents/" + id + "/updates", Map.of("audience", "CUSTOMER",
                        "whatIsHappening", "Card payments fail", "whoIsAffected", "Customers paying by card",
                        "whatWeAreDoing", "Rolling back", "nextUpdateInMinutes", 20))
                .expectStatus().isOk().expectBody().jsonPath("$.latestUpdate.audience").isEqualTo("CUSTOMER");
        Api.post(client, "/api/v1/incidents/" + id + "/status", Map.of("status", "monitoring"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("MONITORING");
        Api.post(client, "/api/v1/incidents/" + id + "/resolve", Map.of("resolution", "Rolled back"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RESOLVED");
        // a Critical closes once debrief-service has announced the completed debrief
        DebriefEvents.complete(broker.getBrokersAsString(), id, (String) declared.get("reference"),
                io.firebreak.schemas.incident.Severity.CRITICAL, "https://docs.example/d/1", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Api.post(client, "/api/v1/incidents/" + id + "/close", Map.of())
                        .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"5\"")
                        .expectBody().jsonPath("$.status").isEqualTo("CLOSED"));

        try (TopicReader topic = new TopicReader(broker.getBrokersAsString())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.eventsOf(id).size() >= 6);
            List<SpecificRecord> events = topic.eventsOf(id);

            assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                    "IncidentDeclared", "RoleAssigned", "UpdatePosted", "StatusChanged", "IncidentResolved",
                    "IncidentClosed");
            assertThat(events).extracting(e -> IncidentEvents.header(e).getSequence())
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(events).allSatisfy(e -> {
                assertThat(IncidentEvents.header(e).getIncidentId()).isEqualTo(id);
                assertThat(IncidentEvents.header(e).getActor().getId()).isEqualTo(io.firebreak.support.testing.TestTokens.WRITER_ID);
                assertThat(IncidentEvents.header(e).getActor().getKind()).isEqualTo(ActorKind.HUMAN);
            });
            IncidentDeclared first = (IncidentDeclared) events.get(0);
            assertThat(first.getSeverity()).isEqualTo(Severity.CRITICAL);
            assertThat(first.getReportedSeverity()).isEqualTo("SEV1");
            assertThat(first.getChannelName()).isEqualTo(declared.get("channelName"));
            assertThat(((RoleAssigned) events.get(1)).getAssignee().getName()).isEqualTo("Ana");
            UpdatePosted update = (UpdatePosted) events.get(2);
            assertThat(update.getNextUpdateAt()).isAfter(update.getHeader().getOccurredAt());
            assertThat(((StatusChanged) events.get(3)).getTo().name()).isEqualTo("MONITORING");
            IncidentResolved resolved = (IncidentResolved) events.get(4);
            assertThat(resolved.getMitigatedAt()).isEqualTo(events.get(3) instanceof StatusChanged s
                    ? s.getHeader().getOccurredAt() : null);
            assertThat(((IncidentClosed) events.get(5)).getDebriefUrl()).isEqualTo("https://docs.example/d/1");
        }
    }

    @Test
    void readsByReferenceListsWithFiltersAndShowsTheHistory() {
        Map<String, Object> declared = Api.declare(client, Map.of("title", "Search slow", "severity", "low"));
        String id = (String) declared.get("id");
        String reference = (String) declared.get("reference");

        client.get().uri("/api/v1/incidents/" + reference.toLowerCase()).headers(h -> h.setBearerAuth(Api.READER))
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.severity").isEqualTo("MINOR");
        client.get().uri("/api/v1/incidents?open=true&severity=MINOR&size=20").headers(h -> h.setBearerAuth(Api.READER))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + id + "')].reference").isEqualTo(reference);
        client.get().uri("/api/v1/incidents?status=CLOSED&size=200").headers(h -> h.setBearerAuth(Api.READER))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + id + "')]").isEmpty();
        client.get().uri("/api/v1/incidents/" + id + "/events").headers(h -> h.setBearerAuth(Api.READER))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].type").isEqualTo("IncidentDeclared")
                .jsonPath("$[0].sequence").isEqualTo(0)
                .jsonPath("$[0].actor.id").isEqualTo(io.firebreak.support.testing.TestTokens.WRITER_ID)
                .jsonPath("$[0].data.title").isEqualTo("Search slow");
    }

    @Test
    void servesTheOpenApiDocument() {
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/v1/incidents']").exists();
    }
}
