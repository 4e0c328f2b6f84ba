package io.firebreak.debrief.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.debrief.support.Api;
import io.firebreak.debrief.readmodel.ProjectionReset;
import io.firebreak.debrief.support.DebriefIntegrationTest;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.paging.PageTargetKind;
import io.firebreak.schemas.paging.PageTriggered;
import io.firebreak.schemas.paging.Responder;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
import io.firebreak.support.testing.TestTokens;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.ComponentStatus;
import io.firebreak.schemas.incident.ComponentStatusSet;
import io.firebreak.schemas.incident.CustomerEmailSent;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.PublicWordingEdited;
import io.firebreak.schemas.incident.StatusPageHidden;
import io.firebreak.schemas.incident.StatusPagePublished;
import io.firebreak.schemas.incident.ContainmentLever;
import io.firebreak.schemas.incident.ContainmentOutcome;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reset the projection, replay the topics from offset zero: the same events give the same state; and a reset
 * forgets only what the named incidents got from the rewound topic.
 */
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

    @Autowired
    ProjectionReset reset;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aReplayFromOffsetZeroRebuildsIdenticalState() {
        String a;
        String b;
        try (IncidentStory first = new IncidentStory(broker.getBrokersAsString());
                IncidentStory second = new IncidentStory(broker.getBrokersAsString())) {
            first.declared("Replay me", Severity.CRITICAL, true, "checkout").role(IncidentRole.INCIDENT_LEAD, "Ana")
                    .note(NoteKind.HYPOTHESIS, "cache stampede").again()
                    .update(Audience.CUSTOMER, "Slow checkout", "Everyone", "Warming caches")
                    .containment(ContainmentLever.FEATURE_FLAG_OFF, ContainmentOutcome.CONTAINED, "warm-up job paused")
                    .identified("Cache stampede after the deploy").videoBridge("https://meet.example/replay")
                    .status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING).resolved().resend(1);
            second.declared("And me", Severity.MAJOR, false, "search").note(NoteKind.DECISION, "failover").resolved();
            a = first.incidentId;
            b = second.incidentId;
        }
        // the comms owner's status page work (schemas release 8), after the story's nine events
        Actor alex = new Actor("u-alex", "Alex", ActorKind.HUMAN);
        publish(a, new StatusPagePublished(header(a, 9, alex), "Checkout is slow", null),
                new PublicWordingEdited(header(a, 10, alex), null, "Some payments are slow."),
                new ComponentStatusSet(header(a, 11, alex), "checkout", ComponentStatus.DEGRADED_PERFORMANCE),
                new StatusPageHidden(header(a, 12, alex), null),
                new CustomerEmailSent(header(a, 13, alex), "Checkout was slow", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(a) == 14 && entries(b) == 3);
        List<String> before = snapshot(a, b);
        assertThat(before.get(1)).as("the checklist and the identified milestone are in what is compared")
                .contains("- [x] Turn the feature off — contained").contains("Cause: Cache stampede after the deploy")
                .contains("Published on the status page as “Checkout is slow”", "Customer e-mail sent: “Checkout was slow”");
        long processedBefore = count("processed_event");
        long stepsBefore = count("containment_step");

        Api.as(client, TestTokens.ADMIN).post().uri("/api/v1/admin/projection/replay").exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.complete").isEqualTo(true)
                .jsonPath("$.partitions.length()").isEqualTo(6);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("processed_event") >= processedBefore
                && entries(a) == 14 && entries(b) == 3);

        assertThat(snapshot(a, b)).isEqualTo(before);
        assertThat(count("processed_event")).isEqualTo(processedBefore);
        assertThat(count("containment_step")).isEqualTo(stepsBefore);
    }

    @Test
    void forgettingTheIncidentsOfSomePartitionsLeavesEveryOtherRowAlone() throws Exception {
        String a;
        String b;
        try (IncidentStory first = new IncidentStory(broker.getBrokersAsString());
                IncidentStory second = new IncidentStory(broker.getBrokersAsString());
                KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                        "bootstrap.servers", broker.getBrokersAsString(), "key.serializer", StringSerializer.class,
                        "value.serializer", FirebreakEventSerializer.class))) {
            first.declared("Forget me", Severity.MAJOR, false, "search").note(NoteKind.DECISION, "fail over")
                    .containment(ContainmentLever.DEPLOY_ROLLBACK, ContainmentOutcome.CONTAINED, "").resolved();
            second.declared("Keep me", Severity.MAJOR, false, "search").resolved();
            a = first.incidentId;
            b = second.incidentId;
            producer.send(new ProducerRecord<>(Topics.PAGING_EVENTS, a, new PageTriggered(UUID.randomUUID().toString(),
                    a, UUID.randomUUID().toString(), 1, new Responder("blake", "Blake", "platform"), List.of("recorded"),
                    Instant.now(), null, PageTargetKind.ROTATION, "platform", "default", 1, 0, null))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(a) == 5 && entries(b) == 2);
        client.put().uri("/api/v1/incidents/" + a + "/debrief/sections/summary").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "What people wrote stays")).exchange().expectStatus().isOk();
        long processedOfB = processedOf(b);

        // inside a transaction that is rolled back, so the other tests see the projection whole
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            reset.forgetIncidentEvents(Set.of(a));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM incident WHERE incident_id = ?", Long.class, a)).isZero();
            assertThat(jdbc.queryForList("SELECT kind FROM timeline_entry WHERE incident_id = ?", String.class, a))
                    .as("the page came from the paging topic, which this reset did not rewind").containsExactly("PAGED");
            assertThat(processedOf(a)).as("only the page's dedupe record is left").isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM containment_step WHERE incident_id = ?", Long.class, a))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM paging_milestone WHERE incident_id = ?", Long.class, a))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM debrief_section WHERE incident_id = ?", Long.class, a))
                    .as("what people wrote").isEqualTo(1);
            assertThat(entries(b)).isEqualTo(2);
            assertThat(processedOf(b)).isEqualTo(processedOfB);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM incident WHERE incident_id = ?", Long.class, b))
                    .isEqualTo(1);

            reset.forgetPagingEvents(Set.of(a));
            assertThat(entries(a)).isZero();
            assertThat(processedOf(a)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM paging_milestone WHERE incident_id = ?", Long.class, a))
                    .isZero();
            status.setRollbackOnly();
        });
        assertThat(entries(a)).isEqualTo(5);
    }

    private static EventHeader header(String incidentId, long sequence, Actor actor) {
        return new EventHeader(UUID.randomUUID().toString(), incidentId, sequence,
                Instant.now().minusSeconds(300).plusSeconds(sequence), actor);
    }

    private void publish(String incidentId, SpecificRecord... events) {
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", broker.getBrokersAsString(), "acks", "all",
                "key.serializer", StringSerializer.class, "value.serializer", FirebreakEventSerializer.class))) {
            for (SpecificRecord event : events) {
                producer.send(new ProducerRecord<>(Topics.INCIDENT_EVENTS, incidentId, event)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long processedOf(String incidentId) {
        return jdbc.queryForObject("SELECT count(*) FROM processed_event p JOIN timeline_entry t ON t.event_id = p.event_id"
                + " WHERE t.incident_id = ?", Long.class, incidentId);
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
