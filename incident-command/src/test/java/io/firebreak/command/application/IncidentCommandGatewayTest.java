package io.firebreak.command.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.support.problem.ApiProblem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Send-then-read on Axon's own command bus and gateway: one blocking task, and a stored command is never a failure. */
class IncidentCommandGatewayTest {

    private static final String INCIDENT = "7b9e8b2c-1571-4469-a04c-9d9d838bb9fa";

    private final List<String> handledOn = new CopyOnWriteArrayList<>();
    private final Scheduler blocking = Schedulers.newBoundedElastic(2, 10, "test-blocking");
    private final IncidentCommandGateway commands;

    IncidentCommandGatewayTest() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(String.class.getName(), message -> {
            handledOn.add(Thread.currentThread().getName());
            return null;
        });
        commands = new IncidentCommandGateway(DefaultCommandGateway.builder().commandBus(bus).build(),
                new CommandLanes(4, Duration.ofSeconds(5)), blocking);
    }

    @AfterEach
    void stop() {
        blocking.dispose();
    }

    @Test
    void readsWhatTheCommandLeftOnTheThreadThatSentIt() {
        String readOn = commands.sendThenRead(INCIDENT, () -> "note", MetaData.emptyInstance(),
                () -> Thread.currentThread().getName()).block(Duration.ofSeconds(5));

        assertThat(handledOn).hasSize(1);
        assertThat(readOn).as("no second hop to read the incident back").isEqualTo(handledOn.get(0))
                .startsWith("test-blocking");
    }

    @Test
    void aReadThatFailsAfterTheCommandWasStoredIsAppliedButUnreadable() {
        assertThatThrownBy(() -> commands.sendThenRead(INCIDENT, () -> "note", MetaData.emptyInstance(), () -> {
            throw new IllegalStateException("connection lost");
        }).block(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(AppliedButUnreadable.class, e -> {
                    assertThat(e.incidentId()).isEqualTo(INCIDENT);
                    assertThat(e).hasRootCauseMessage("connection lost");
                });
        assertThat(handledOn).as("the command itself went through").hasSize(1);
    }

    @Test
    void aCheckThatFailsBeforeSendingSendsNothingAndReadsNothing() {
        List<String> reads = new CopyOnWriteArrayList<>();
        ApiProblem mismatch = ApiProblem.badRequest("If-Match", "stale");

        assertThatThrownBy(() -> commands.sendThenRead(INCIDENT, () -> {
            throw mismatch;
        }, MetaData.emptyInstance(), () -> reads.add("read")).block(Duration.ofSeconds(5))).isSameAs(mismatch);
        assertThat(handledOn).isEmpty();
        assertThat(reads).isEmpty();
    }
}
