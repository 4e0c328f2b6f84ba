package io.firebreak.command.readmodel;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Every new event, for live dashboards (Server-Sent Events), whichever instance stored it: its own tracking processor
 * tails the event store (config/EventProcessingConfig), so only committed events are seen. A slow subscriber misses
 * events rather than slowing anything down (it can re-read {@code /incidents/{id}/events}).
 */
@Component
@ProcessingGroup(LiveEventFeed.GROUP)
public class LiveEventFeed {

    public static final String GROUP = "live-feed";

    private final Sinks.Many<IncidentEventRecord> sink = Sinks.many().multicast().directBestEffort();

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        IncidentEventRecord record = IncidentEventRecord.of(message);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // inside a database transaction that may span several commands: wait for it, not for the command
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    emit(record);
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> emit(record));
        } else {
            emit(record);
        }
    }

    // the sink accepts one emitter at a time; commits finish on many threads
    private synchronized void emit(IncidentEventRecord record) {
        sink.tryEmitNext(record);
    }

    public Flux<IncidentEventRecord> events() {
        return sink.asFlux();
    }
}
