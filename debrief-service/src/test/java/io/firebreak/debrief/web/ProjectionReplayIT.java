package io.firebreak.debrief.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.debrief.support.Api;
import io.firebreak.debrief.support.DebriefIntegrationTest;
import io.firebreak.support.testing.TestTokens;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Reset the projection, replay the topic from offset zero: the same events give the same state. */
@DebriefIntegrationTest
class ProjectionReplayIT {

    @Autowired
    WebTestClient client;

    @BeforeEach
    void withACredential() {
        client = Api.asWriter(client);
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReplayFromOffsetZeroRebuildsIdenticalState() {
        String a;
        String b;
        try (IncidentStory first = new IncidentStory(broker.getBrokersAsString());
                IncidentStory second = new IncidentStory(broker.getBrokersAsString())) {
            first.declared("Replay me", Severity.CRITICAL, true, "checkout").role(IncidentRole.INCIDENT_LEAD, "Ana")
                    .note(NoteKind.HYPOTHESIS, "cache stampede").again()
                    .update(Audience.CUSTOMER, "Slow checkout", "Everyone", "Warming caches")
                    .status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING).resolved().resend(1);
            second.declared("And me", Severity.MAJOR, false, "search").note(NoteKind.DECISION, "failover").resolved();
            a = first.incidentId;
            b = second.incidentId;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(a) == 6 && entries(b) == 3);
        List<String> before = snapshot(a, b);
        long processedBefore = count("processed_event");

        Api.as(client, TestTokens.ADMIN).post().uri("/api/v1/admin/projection/replay").exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.complete").isEqualTo(true)
                .jsonPath("$.partitions.length()").isEqualTo(6);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("processed_event") >= processedBefore
                && entries(a) == 6 && entries(b) == 3);

        assertThat(snapshot(a, b)).isEqualTo(before);
        assertThat(count("processed_event")).isEqualTo(processedBefore);
    }

    private List<String> snapshot(String... ids) {
        return java.util.Arrays.stream(ids).flatMap(id -> java.util.stream.Stream.of(
                client.get().uri("/api/v1/incidents/" + id + "/timeline").exchange().expectStatus().isOk()
                        .expectBody(String.class).returnResult().getResponseBody(),
                client.get().uri("/api/v1/incidents/" + id + "/debrief").exchange().expectStatus().isOk()
                        .expectBody(String.class).returnResult().getResponseBody()))
                .toList();
    }

    private long entries(String incidentId) {
        return jdbc.queryForObject("SELECT count(*) FROM timeline_entry WHERE incident_id = ?", Long.class, incidentId);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

}
