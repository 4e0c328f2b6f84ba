package io.firebreak.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.command.support.Api;
import io.firebreak.command.support.IncidentCommandIntegrationTest;
import io.firebreak.command.support.TopicReader;
import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.incident.ExposureKind;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.incident.TimelineNoteAdded;
import io.firebreak.schemas.incident.VideoBridgeAttached;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 16, items 11, 12 and 14 through the HTTP API, PostgreSQL and the topic: security incidents (a suspected
 * exposure of card data, credentials or keys declares Critical, with a DECISION note saying why), drills (their own
 * channel prefix, never duplicates either way) and video bridges (absolute https only).
 */
@IncidentCommandIntegrationTest
@SuppressWarnings("unchecked")
class IncidentKindsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient client;

    static TopicReader topic;

    @BeforeAll
    static void connect(@Autowired EmbeddedKafkaBroker broker) {
        topic = new TopicReader(broker.getBrokersAsString());
    }

    @AfterAll
    static void disconnect() {
        topic.close();
    }

    @Test
    void aMajorDeclarationSuspectingCardDataIsDeclaredCriticalWithADecisionNoteSayingWhy() {
        Map<String, Object> declared = Api.declare(client, Map.of("title", "Card numbers in debug logs",
                "severity", "SEV2", "type", "billing", "suspectedExposure", List.of("card-data", "PERSONAL_DATA"),
                "affectedServices", List.of("payments-" + UUID.randomUUID())));
        String id = (String) declared.get("id");
        assertThat(declared).containsEntry("severity", "CRITICAL").containsEntry("reportedSeverity", "SEV2")
                .containsEntry("type", "SECURITY").containsEntry("drill", false)
                .containsEntry("suspectedExposure", List.of("CARD_DATA", "PERSONAL_DATA"));

        Api.get(client, "/api/v1/incidents/" + id + "/events").expectStatus().isOk().expectBody()
                .jsonPath("$[*].type").isEqualTo(List.of("IncidentDeclared", "TimelineNoteAdded", "TimelineNoteAdded"))
                .jsonPath("$[1].data.kind").isEqualTo("DECISION")
                .jsonPath("$[1].data.text").isEqualTo("Declared CRITICAL instead of MAJOR: suspected exposure of card"
                        + " data. Sensitive data (card details, credentials, keys) that may be exposed makes an incident"
                        + " Critical at least (docs/process.md#severities).")
                .jsonPath("$[2].data.text").isEqualTo("Declared a SECURITY incident instead of BILLING: suspected"
                        + " exposure of card data and personal data makes it a security incident"
                        + " (docs/process.md#security-incidents).")
                .jsonPath("$[1].actor.id").isEqualTo("u-tess");

        List<SpecificRecord> published = awaitEvents(id, 3);
        IncidentDeclared event = (IncidentDeclared) published.get(0);
        assertThat(event.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(event.getReportedSeverity()).isEqualTo("SEV2");
        assertThat(event.getIncidentType()).isEqualTo(IncidentType.SECURITY);
        assertThat(event.getSuspectedExposure()).containsExactly(ExposureKind.CARD_DATA, ExposureKind.PERSONAL_DATA);
        assertThat(((TimelineNoteAdded) published.get(1)).getKind()).isEqualTo(NoteKind.DECISION);
        assertThat(IncidentEvents.header(published.get(1)).getActor().getId()).isEqualTo("u-tess");
    }

    @Test
    void suspectedPersonalDataMakesASecurityIncidentWithoutRaisingItAndTheListFiltersByType() {
        String id = (String) Api.declare(client, Map.of("title", "Export mailed to the wrong customer",
                "severity", "minor", "suspectedExposure", List.of("personal-data"))).get("id");
        Api.get(client, "/api/v1/incidents/" + id).expectBody()
                .jsonPath("$.severity").isEqualTo("MINOR")
                .jsonPath("$.type").isEqualTo("SECURITY")
                .jsonPath("$.suspectedExposure").isEqualTo(List.of("PERSONAL_DATA"));
        Api.get(client, "/api/v1/incidents/" + id + "/events").expectBody()
                .jsonPath("$[*].type").isEqualTo(List.of("IncidentDeclared"));
        String engineering = (String) Api.declare(client, Map.of("title", "Search index lagging", "severity", "minor"))
                .get("id");

        Api.get(client, "/api/v1/incidents?type=security&size=20").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')]").isNotEmpty()
                .jsonPath("$.items[?(@.id == '" + engineering + "')]").isEmpty()
                .jsonPath("$.items[*].type").value(types -> assertThat((List<Object>) types).containsOnly("SECURITY"));
        Api.get(client, "/api/v1/incidents?type=ENGINEERING&size=20").expectBody()
                .jsonPath("$.items[?(@.id == '" + engineering + "')].type").isEqualTo(List.of("ENGINEERING"));
        Api.get(client, "/api/v1/incidents?type=outage").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("type");
    }

    @Test
    void aDrillGetsADrillChannelAndIsNeverTakenForADuplicateEitherWay() {
        String service = "search-" + UUID.randomUUID();
        Map<String, Object> drill = Api.declare(client, Map.of("title", "Search results stale", "severity", "MAJOR",
                "drill", true, "affectedServices", List.of(service)));
        assertThat(drill).containsEntry("drill", true).containsEntry("type", "ENGINEERING");
        assertThat((String) drill.get("channelName")).matches("drill-\\d{4}-\\d{2}-\\d{2}-search-results-stale(-\\d+)?");
        assertThat((String) drill.get("reference")).matches("INC-\\d+");

        // a real declaration alike the open drill is no duplicate of it
        Map<String, Object> real = Api.declare(client, Map.of("title", "Search results stale", "severity", "MAJOR",
                "affectedServices", List.of(service)));
        assertThat((String) real.get("channelName")).startsWith("inc-");
        // nor is another drill alike the real incident
        Map<String, Object> secondDrill = Api.declare(client, Map.of("title", "Search results stale again",
                "severity", "MAJOR", "drill", true, "affectedServices", List.of(service)));
        assertThat(secondDrill).containsEntry("drill", true);
        // while a real one alike the real one still is, and only the real one is its candidate
        Api.post(client, "/api/v1/incidents", Map.of("title", "Search results stale", "severity", "MAJOR",
                        "affectedServices", List.of(service)))
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.rule").isEqualTo("possible-duplicate")
                .jsonPath("$.candidates[*].id").isEqualTo(List.of(real.get("id")));

        Api.get(client, "/api/v1/incidents?drill=true&size=20").expectBody()
                .jsonPath("$.items[?(@.id == '" + drill.get("id") + "')].drill").isEqualTo(List.of(true))
                .jsonPath("$.items[?(@.id == '" + real.get("id") + "')]").isEmpty();
        IncidentDeclared event = (IncidentDeclared) awaitEvents((String) drill.get("id"), 1).get(0);
        assertThat(event.getDrill()).isTrue();
        assertThat(event.getChannelName()).isEqualTo(drill.get("channelName"));
    }

    @Test
    void aVideoBridgeIsAttachedAtDeclarationOrLaterAndOnlyAsAnAbsoluteHttpsLink() {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Ledger writes rejected", "severity", "MAJOR",
                "videoBridgeUrl", "https://meet.example.com/abc-defg-hij"));
        Map<String, Object> declared = Api.declare(client, body);
        String id = (String) declared.get("id");
        assertThat(declared).containsEntry("videoBridgeUrl", "https://meet.example.com/abc-defg-hij");
        Api.get(client, "/api/v1/incidents/" + id + "/events").expectBody()
                .jsonPath("$[*].type").isEqualTo(List.of("IncidentDeclared", "VideoBridgeAttached"));

        bridge(id, "http://meet.example.com/plain").expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("url")
                .jsonPath("$.detail").isEqualTo("'url' must be an absolute https URL");
        bridge(id, "https://zoom.example.com/j/8812345").expectStatus().isOk().expectBody()
                .jsonPath("$.videoBridgeUrl").isEqualTo("https://zoom.example.com/j/8812345");
        bridge(id, "https://zoom.example.com/j/8812345").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.rule").isEqualTo("video-bridge-unchanged");

        body.put("title", "Ledger writes rejected by http");
        body.put("videoBridgeUrl", "ftp://meet.example.com/abc");
        Api.post(client, "/api/v1/incidents", body).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.field").isEqualTo("videoBridgeUrl");

        List<SpecificRecord> published = awaitEvents(id, 3);
        assertThat(published).filteredOn(VideoBridgeAttached.class::isInstance)
                .extracting(e -> ((VideoBridgeAttached) e).getUrl())
                .containsExactly("https://meet.example.com/abc-defg-hij", "https://zoom.example.com/j/8812345");
    }

    private WebTestClient.ResponseSpec bridge(String id, String url) {
        return client.put().uri("/api/v1/incidents/" + id + "/video-bridge").headers(h -> h.setBearerAuth(Api.WRITER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", url)).exchange();
    }

    private static List<SpecificRecord> awaitEvents(String incidentId, int count) {
        await().atMost(WAIT).until(() -> topic.eventsOf(incidentId).size() >= count);
        return topic.eventsOf(incidentId);
    }
}
