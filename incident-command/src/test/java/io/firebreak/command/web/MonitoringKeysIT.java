package io.firebreak.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.support.IncidentCommandIntegrationTest;
import io.firebreak.support.testing.SecretSamples;
import io.firebreak.support.testing.StoredText;
import io.firebreak.support.security.Scopes;
import io.firebreak.support.testing.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Monitoring is never refused (a refused alert is a lost page), not even when its dedup identity looks like a
 * secret: an Alertmanager {@code groupKey}, a webhook {@code dedupKey} or a PagerDuty {@code dedup_key} holding any
 * kind of credential is accepted, stored only redacted, and still deduplicates: the same key joins the same
 * incident, a different secret of the same kind makes another.
 */
@IncidentCommandIntegrationTest
class MonitoringKeysIT {

    static final String ROUTING_KEY = "R0UT1NGKEY0000000000000000000001";
    /** An ingest token of its own, so its rate-limit bucket is not the one the other ingest tests drain. */
    static final String INGEST = TestTokens.only(Scopes.INTEGRATIONS_INGEST);

    @Autowired
    WebTestClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void secretLookingDedupKeysAreRedactedAcceptedAndStillDeduplicate() {
        Map<String, Function<String, WebTestClient.ResponseSpec>> integrations = Map.of(
                "alertmanager groupKey", this::alertmanager,
                "webhook dedupKey", this::webhook,
                "pagerduty dedup_key", this::pagerDuty);
        List<String> failures = new ArrayList<>();
        integrations.forEach((name, send) -> {
            for (var sample : SecretSamples.all().entrySet()) {
                String key = "k-" + UUID.randomUUID() + " " + sample.getValue();
                long before = incidents();
                send.apply(key).expectStatus().is2xxSuccessful();
                send.apply(key).expectStatus().is2xxSuccessful();
                if (incidents() != before + 1) {
                    failures.add(name + " " + sample.getKey() + ": " + (incidents() - before)
                            + " incidents for one key sent twice");
                }
            }
            // same shape, another password: redacted alike, yet another alert group
            String prefix = "k-" + UUID.randomUUID() + " ";
            long before = incidents();
            send.apply(prefix + "password=hunter2").expectStatus().is2xxSuccessful();
            send.apply(prefix + "password=hunter3").expectStatus().is2xxSuccessful();
            if (incidents() != before + 2) {
                failures.add(name + ": two different secret keys made " + (incidents() - before) + " incidents");
            }
        });
        assertThat(failures).isEmpty();
        for (String kind : SecretSamples.all().keySet()) {
            assertThat(StoredText.columnsHolding(jdbc, "incident_command", SecretSamples.rawValue(kind)))
                    .as(kind + " stored").isEmpty();
        }
        assertThat(StoredText.columnsHolding(jdbc, "incident_command", "hunter3")).isEmpty();
        assertThat(jdbc.queryForList("SELECT source_key FROM incident_view WHERE source_key LIKE 'k-%'", String.class))
                .hasSize(3 * (SecretSamples.all().size() + 2))
                .allSatisfy(stored -> assertThat(stored).contains("[REDACTED:"));
    }

    @Test
    void linksThatAreNotHttpFromMonitoringAreDroppedNotRefused() {
        for (String url : List.of("javascript:alert(1)", "http://", "data:text/html,x", "ftp://files.example/x")) {
            String key = "links-" + UUID.randomUUID();
            client.post().uri("/api/v1/integrations/webhook/links").headers(h -> h.setBearerAuth(INGEST))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("status", "firing", "title", "Link check", "dedupKey", key, "sourceUrl", url))
                    .exchange().expectStatus().is2xxSuccessful();
            Map<String, Object> alert = Map.of("status", "firing", "labels", Map.of("alertname", "LinkCheck"),
                    "startsAt", Instant.parse("2026-11-25T01:00:00Z"), "generatorURL", url);
            client.post().uri("/api/v1/integrations/alertmanager").headers(h -> h.setBearerAuth(INGEST))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("groupKey", key, "externalURL", url, "alerts", List.of(alert)))
                    .exchange().expectStatus().is2xxSuccessful();
        }
        for (String kept : List.of("javascript:", "data:text", "ftp://files")) {
            assertThat(StoredText.columnsHolding(jdbc, "incident_command", kept)).as(kept).isEmpty();
        }
        String good = "https://grafana.example/d/1";
        client.post().uri("/api/v1/integrations/webhook/links").headers(h -> h.setBearerAuth(INGEST))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "firing", "title", "Link check", "dedupKey", "links-good", "sourceUrl", good))
                .exchange().expectStatus().is2xxSuccessful();
        assertThat(StoredText.columnsHolding(jdbc, "incident_command", good)).as("an http(s) link is kept").isNotEmpty();
    }

    @Test
    void timesOutOfBoundsFromMonitoringAreIgnoredNotRefused() {
        long before = incidents();
        Map<String, Object> alert = Map.of("status", "firing", "labels", Map.of("alertname", "ClockSkew"),
                "startsAt", "1970-01-01T00:00:00Z", "endsAt", "0001-01-01T00:00:00Z");
        client.post().uri("/api/v1/integrations/alertmanager").headers(h -> h.setBearerAuth(INGEST))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("groupKey", "skew-" + UUID.randomUUID(), "alerts", List.of(alert)))
                .exchange().expectStatus().is2xxSuccessful();
        client.post().uri("/api/v1/integrations/pagerduty/v2/enqueue").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("routing_key", ROUTING_KEY, "event_action", "trigger", "dedup_key",
                        "skew-" + UUID.randomUUID(), "payload", Map.of("summary", "Clock skew", "source", "host1",
                                "severity", "info", "timestamp", "1900-01-01T00:00:00Z")))
                .exchange().expectStatus().isAccepted();
        assertThat(incidents()).isEqualTo(before + 2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert_state WHERE starts_at < '2000-01-01'", Long.class))
                .as("no time from before 2000 kept").isZero();
    }

    private long incidents() {
        return jdbc.queryForObject("SELECT count(*) FROM incident_view", Long.class);
    }

    private WebTestClient.ResponseSpec alertmanager(String groupKey) {
        Map<String, Object> alert = Map.of("status", "firing", "labels", Map.of("alertname", "DiskFull"),
                "annotations", Map.of("summary", "Disk full"), "startsAt", Instant.parse("2026-11-25T01:00:00Z"),
                "fingerprint", "f1");
        return client.post().uri("/api/v1/integrations/alertmanager").headers(h -> h.setBearerAuth(INGEST))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("version", "4", "groupKey", groupKey, "status", "firing", "alerts", List.of(alert)))
                .exchange();
    }

    private WebTestClient.ResponseSpec webhook(String dedupKey) {
        return client.post().uri("/api/v1/integrations/webhook/keys").headers(h -> h.setBearerAuth(INGEST))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "firing", "title", "Disk full", "dedupKey", dedupKey)).exchange();
    }

    private WebTestClient.ResponseSpec pagerDuty(String dedupKey) {
        return client.post().uri("/api/v1/integrations/pagerduty/v2/enqueue").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("routing_key", ROUTING_KEY, "event_action", "trigger", "dedup_key", dedupKey,
                        "payload", Map.of("summary", "Disk full", "source", "host1", "severity", "warning")))
                .exchange();
    }

}
