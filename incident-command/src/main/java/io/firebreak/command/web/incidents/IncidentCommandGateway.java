package io.firebreak.command.web.incidents;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Sends commands on the bounded blocking scheduler: Axon's command bus handles them synchronously, with
 * JDBC, so they must never run on a Netty event-loop thread.
 */
@Component
public class IncidentCommandGateway {

    private final CommandGateway gateway;
    private final Scheduler blocking;

    public IncidentCommandGateway(CommandGateway gateway, Scheduler blockingScheduler) {
        this.gateway = gateway;
        this.blocking = blockingScheduler;
    }

    public Mono<Void> send(Object command, MetaData metaData) {
        return Mono.<Void>fromRunnable(() -> gateway.sendAndWait(command, metaData)).subscribeOn(blocking);
    }
}
