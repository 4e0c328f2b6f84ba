package io.firebreak.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.support.Api;
import io.firebreak.command.support.IncidentCommandIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import io.firebreak.command.api.Actor;
import io.firebreak.command.api.Events.StatusChanged;
import io.firebreak.command.api.IncidentStatus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

@IncidentCommandIntegrationTest
class EventStoreIT {

    @Autowired
    WebTestClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionManager axonTransactionManager;

    @Autowired
    CommandBus commandBus;

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void storesPayloadsAsByteaNeverAsLargeObjects() {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'incident_command' AND column_name IN ('payload', 'meta_data', 'token')""");
        // Axon's five, and the outbox's payload (the answers to Slack's command requests)
        assertThat(columns).hasSize(6).allSatisfy(column -> assertThat(column).containsEntry("data_type", "bytea"));
    }

    @Test
    void runsAxonInsideSpringTransactions() {
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void snapshotsEveryFewEventsAndStillLoadsTheIncident() {
        String id = (String) Api.declare(client, Map.of("title", "Snapshot me", "severity", "MINOR")).get("id");
        for (int i = 0; i < 6; i++) {
            Api.post(client, "/api/v1/incidents/" + id + "/notes", Map.of("kind", "NOTE", "text", "note " + i))
                    .expectStatus().isOk();
        }
        Long snapshots = jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, id);
        assertThat(snapshots).isPositive();

        Api.post(client, "/api/v1/incidents/" + id + "/status", Map.of("status", "FIXING"))
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(7);
        Api.post(client, "/api/v1/incidents/" + id + "/status", Map.of("status", "FIXING"))
                .expectStatus().isEqualTo(409);
    }

    /**
     * Another incident-command instance appends to an incident this one holds in its aggregate cache (here: an event
     * stored without going through this instance's repository). The next command sees it: the cached aggregate is
     * dropped and the events replayed, so the rule is checked against the incident as it is now.
     */
    @Test
    void checksACachedIncidentAgainstEventsAnotherInstanceAppended() {
        String id = (String) Api.declare(client, Map.of("title", "Cached elsewhere", "severity", "MINOR")).get("id");
        Api.post(client, "/api/v1/incidents/" + id + "/status", Map.of("status", "FIXING"))
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> eventStore.publish(
                new GenericDomainEventMessage<>("Incident", id, 2,
                        new StatusChanged(id, IncidentStatus.FIXING, IncidentStatus.MONITORING, "elsewhere"),
                        Actor.SYSTEM.toMetaData())));

        Api.post(client, "/api/v1/incidents/" + id + "/status", Map.of("status", "MONITORING"))
                .expectStatus().isEqualTo(409);
        Api.post(client, "/api/v1/incidents/" + id + "/status", Map.of("status", "FIXING"))
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(3);
    }

    @Test
    void handlesCommandsOnTheBoundedBlockingSchedulerNotOnTheEventLoop() {
        List<String> threads = new CopyOnWriteArrayList<>();
        MessageHandlerInterceptor<CommandMessage<?>> recorder = (unitOfWork, chain) -> {
            threads.add(Thread.currentThread().getName());
            return chain.proceed();
        };
        Registration registration = commandBus.registerHandlerInterceptor(recorder);
        try {
            String id = (String) Api.declare(client, Map.of("title", "Which thread", "severity", "MINOR")).get("id");
            Api.post(client, "/api/v1/incidents/" + id + "/notes", Map.of("kind", "NOTE", "text", "x"))
                    .expectStatus().isOk();
        } finally {
            registration.cancel();
        }
        assertThat(threads).hasSize(2).allSatisfy(name -> assertThat(name).startsWith("blocking-"));
    }
}
