package io.firebreak.command.readmodel;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** An incident's own events, straight from the event store (the audit truth). Blocking. */
@Component
public class IncidentEventHistory {

    private final EventStore eventStore;

    public IncidentEventHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public List<IncidentEventRecord> of(String incidentId) {
        // from sequence 0: readEvents(id) would start at the latest snapshot, which is no event
        return eventStore.readEvents(incidentId, 0L).asStream()
                .map(message -> IncidentEventRecord.of((DomainEventMessage<?>) message))
                .toList();
    }
}
