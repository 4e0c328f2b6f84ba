package io.firebreak.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.application.IntegrationSettings;
import io.firebreak.command.application.Sha256;
import io.firebreak.command.support.Api;
import io.firebreak.command.support.IncidentCommandIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Real Alertmanager 0.25 deliveries (captured, see fixtures/alertmanager-0.25/README.md) replayed in order. */
@IncidentCommandIntegrationTest
class AlertmanagerIngestIT {

    @Autowired
    WebTestClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IntegrationSettings settings;

    @Test
    void oneGroupIsOneIncidentFromFirstFiringToAllResolved() throws IOException {
        String group = UUID.randomUUID().toString();

        Map<String, Object> first = deliver(fixture(1, group));
        String incidentId = (String) first.get("incidentId");
        assertThat(first).containsEntry("declared", true).containsEntry("attached", 2);
        Map<String, Object> incident = incident(incidentId);
        assertThat(incident).containsEntry("title", "Checkout error rate above 5%")
                .containsEntry("severity", "CRITICAL").containsEntry("reportedSeverity", "critical")
                .containsEntry("source", "ALERTMANAGER").containsEntry("status", "INVESTIGATING")
                .containsEntry("affectedServices", List.of("checkout"))
                .containsEntry("detectedAt", "2026-11-25T01:07:14Z");
        assertThat((String) incident.get("sourceKey")).contains("CheckoutErrorRate");

        assertThat(deliver(fixture(2, group))).containsEntry("incidentId", incidentId)
                .containsEntry("declared", false).containsEntry("attached", 1);
        assertThat(deliver(fixture(3, group))).as("a repeat changes nothing").containsEntry("attached", 0);
        assertThat(deliver(fixture(3, group))).as("a retried delivery changes nothing").containsEntry("attached", 0);
        assertThat(jdbc.queryForObject("SELECT last_body_digest FROM alert_group WHERE incident_id = ? AND open",
                String.class, incidentId)).as("a byte-identical repeat is found by the digest of the body applied last")
                .isEqualTo(Sha256.hex(fixture(3, group).getBytes(StandardCharsets.UTF_8)));
        assertThat(deliver(fixture(4, group))).containsEntry("attached", 1);
        assertThat(incident(incidentId)).containsEntry("status", "INVESTIGATING");
        assertThat(deliver(fixture(5, group))).containsEntry("attached", 2);

        assertThat(incident(incidentId)).as("all resolved: monitoring, not resolved").containsEntry("status", "MONITORING");
        List<Map<String, Object>> events = events(incidentId);
        assertThat(events).extracting(e -> e.get("type")).containsExactly("IncidentDeclared",
                "AlertAttached", "AlertAttached", "AlertAttached", "AlertAttached", "AlertAttached", "AlertAttached",
                "StatusChanged", "TimelineNoteAdded");
        assertThat(events).filteredOn(e -> e.get("type").equals("AlertAttached"))
                .extracting(e -> (Object) ((Map<?, ?>) e.get("data")).get("status"))
                .containsExactly("FIRING", "FIRING", "FIRING", "RESOLVED", "RESOLVED", "RESOLVED");
        assertThat(events).allSatisfy(e -> assertThat(((Map<?, ?>) e.get("actor")).get("kind")).isEqualTo("INTEGRATION"));
    }

    @Test
    void aGroupFiringAgainAfterResolutionOpensANewIncidentLinkingThePrevious() throws IOException {
        String group = UUID.randomUUID().toString();
        String first = (String) deliver(fixture(1, group)).get("incidentId");
        String reference = (String) incident(first).get("reference");
        deliver(fixture(5, group));
        Api.post(client, "/api/v1/incidents/" + first + "/resolve", Map.of("resolution", "Rolled back"))
                .expectStatus().isOk();
        assertThat(deliver(fixture(5, group))).as("late resolved repeat after resolution").containsEntry("attached", 0);

        Map<String, Object> again = deliver(fixture(1, group));

        assertThat(again).containsEntry("declared", true);
        assertThat(again.get("incidentId")).isNotEqualTo(first);
        assertThat((String) incident((String) again.get("incidentId")).get("summary")).contains(reference);
    }

    @Test
    void resolvesAMinorIncidentByItselfOnlyWhenAutoResolveIsOn() throws IOException {
        String group = UUID.randomUUID().toString();
        String first = (String) deliver(fixture(1, group).replace("\"critical\"", "\"info\"")).get("incidentId");
        assertThat(incident(first)).containsEntry("severity", "MINOR");
        settings.setAutoResolveMinor(true);
        try {
            deliver(fixture(5, group).replace("\"critical\"", "\"info\""));
        } finally {
            settings.setAutoResolveMinor(false);
        }
        assertThat(incident(first)).containsEntry("status", "RESOLVED");
        assertThat((String) incident(first).get("resolution")).contains("resolved automatically");
    }

    @Test
    void fiftyConcurrentDeliveriesOfOneGroupMakeOneIncidentAndAttachEachAlertOnce() throws Exception {
        String group = UUID.randomUUID().toString();
        String payload = fixture(2, group);
        Callable<Object> deliver = () -> deliver(payload).get("incidentId");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Object> incidents = new ArrayList<>();
        try {
            for (Future<Object> result : pool.invokeAll(Collections.nCopies(50, deliver))) {
                incidents.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(incidents).doesNotContainNull().containsOnly(incidents.get(0));
        String incidentId = (String) incidents.get(0);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert_group WHERE incident_id = ?", Long.class, incidentId))
                .isEqualTo(1);
        List<Map<String, Object>> events = events(incidentId);
        assertThat(events).filteredOn(e -> e.get("type").equals("IncidentDeclared")).hasSize(1);
        assertThat(events).filteredOn(e -> e.get("type").equals("AlertAttached"))
                .extracting(e -> (Object) ((Map<?, ?>) e.get("data")).get("alertKey"))
                .containsExactlyInAnyOrder("d12e2d0a324a312d", "50617805d5e03c46", "73076cf888f9ae9b");
    }

    @Test
    void redactsSecretsInAlertTextInsteadOfRejectingTheAlert() throws IOException {
        String group = UUID.randomUUID().toString();
        String payload = fixture(1, group).replace("Checkout error rate above 5%",
                "Checkout fails for card 4111 1111 1111 1111 via postgres://app:hunter2@db:5432/x");

        String incidentId = (String) deliver(payload).get("incidentId");

        assertThat((String) incident(incidentId).get("title")).contains("[REDACTED:card]")
                .contains("[REDACTED:url_credentials]").doesNotContain("4111", "hunter2");
        String stored = String.join("\n", jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, incidentId));
        assertThat(stored).doesNotContain("4111 1111", "hunter2");
    }

    @Test
    void needsAnIngestToken() throws IOException {
        client.post().uri("/api/v1/integrations/alertmanager").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(fixture(1, "x")).exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/v1/integrations/alertmanager").headers(h -> h.setBearerAuth(Api.READER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(fixture(1, "x")).exchange()
                .expectStatus().isForbidden();
        client.post().uri("/api/v1/integrations/alertmanager").headers(h -> h.setBearerAuth(Api.INGEST))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"version\":\"4\",\"alerts\":[]}").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("groupKey");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> deliver(String payload) {
        return client.post().uri("/api/v1/integrations/alertmanager").headers(h -> h.setBearerAuth(Api.INGEST))
                .header("User-Agent", "Alertmanager/0.25.0").contentType(MediaType.APPLICATION_JSON).bodyValue(payload)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> incident(String id) {
        return client.get().uri("/api/v1/incidents/" + id).headers(h -> h.setBearerAuth(Api.READER)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events(String id) {
        return client.get().uri("/api/v1/incidents/" + id + "/events").headers(h -> h.setBearerAuth(Api.READER))
                .exchange().expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }

    /** A captured delivery, its group made unique to the test so tests sharing the database stay apart. */
    static String fixture(int n, String group) throws IOException {
        try (InputStream in = AlertmanagerIngestIT.class.getResourceAsStream(
                "/fixtures/alertmanager-0.25/payload-0" + n + ".json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return json.replace("\"groupKey\":\"{}:{", "\"groupKey\":\"{}/" + group + ":{");
        }
    }
}
