package io.firebreak.command.application;

import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Sends commands on the bounded blocking scheduler (Axon's command bus handles them synchronously, with JDBC, so
 * never on a Netty event-loop thread), one incident's commands one at a time through its {@link CommandLanes}
 * lane, and tells what happened when a command fails: committed (then it succeeded, whatever failed after),
 * unknown ({@link CommandOutcomeUnknown}), or not applied (the original exception).
 */
@Component
public class IncidentCommandGateway {

    private static final Logger log = LoggerFactory.getLogger(IncidentCommandGateway.class);

    private final CommandGateway gateway;
    private final CommandLanes lanes;
    private final Scheduler blocking;

    public IncidentCommandGateway(CommandGateway gateway, CommandLanes lanes, Scheduler blockingScheduler) {
        this.gateway = gateway;
        this.lanes = lanes;
        this.blocking = blockingScheduler;
    }

    /**
     * Runs {@code work} (reading the incident, checking {@code If-Match}, sending) when it is this incident's turn,
     * or refuses at once with {@code CommandsBusy} when too many are waiting: before any database work, so a
     * refusal is quick and a burst never occupies the connection pool.
     */
    public <T> Mono<T> inTurn(String incidentId, Supplier<Mono<T>> work) {
        return lanes.run(incidentId, work);
    }

    /**
     * Makes the command ({@code command} may read the database first, e.g. to check {@code If-Match}), sends it, and
     * reads what it left with {@code read}: one task on the blocking scheduler. A second hop there only to read the
     * incident back cost each command another hand-off and context restore (BENCHMARKS.md, the command path). Once
     * the command is stored, a failing read is {@link AppliedButUnreadable}, never answered as the command failing.
     */
    public <T> Mono<T> sendThenRead(String incidentId, Supplier<?> command, MetaData metaData, Supplier<T> read) {
        return Mono.fromCallable(() -> {
            sendAndWait(command.get(), metaData);
            try {
                return read.get();
            } catch (RuntimeException e) {
                throw new AppliedButUnreadable(incidentId, e);
            }
        }).subscribeOn(blocking);
    }

    private void sendAndWait(Object command, MetaData metaData) {
        CommandOutcome outcome = CommandOutcome.track();
        try {
            gateway.sendAndWait(command, metaData);
        } catch (RuntimeException e) {
            switch (outcome.status()) {
                case COMMITTED -> log.warn("command.failed_after_commit command={} error={}",
                        command.getClass().getSimpleName(), e.toString());
                case UNKNOWN -> throw new CommandOutcomeUnknown(e);
                default -> throw e;
            }
        } finally {
            outcome.close();
        }
    }
}
