package io.firebreak.statuspage.messaging;

import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.ComponentStatusSet;
import io.firebreak.schemas.incident.CustomerImpactChanged;
import io.firebreak.schemas.incident.IncidentClosed;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentReopened;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.PublicWordingEdited;
import io.firebreak.schemas.incident.SeverityChanged;
import io.firebreak.schemas.incident.StatusChanged;
import io.firebreak.schemas.incident.StatusPageHidden;
import io.firebreak.schemas.incident.StatusPagePublished;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.statuspage.readmodel.StatusModelStore;
import io.firebreak.statuspage.readmodel.StatusProjection;
import io.firebreak.support.kafka.BatchApplier;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Consumes {@value Topics#INCIDENT_EVENTS} a poll at a time: the events the page cares about are applied in one
 * transaction per poll, their dedupe records in one statement (service-support's BatchApplier); roles, notes, alerts,
 * containment steps, causes and video bridges are ignored (they are never public), as is any event type a later
 * schema adds until the page learns it. A poll that applied an event bumps the page's revision in the same transaction,
 * so every instance re-renders; this one rebuilds its snapshot once per poll after it commits, not once per event, which is
 * what lets the page catch up quickly after an outage.
 */
@Component
public class IncidentEventsListener {

    private final StatusProjection projection;
    private final StatusModelStore model;
    private final BatchApplier batches;

    public IncidentEventsListener(StatusProjection projection, StatusModelStore model,
            PlatformTransactionManager transactionManager) {
        this.projection = projection;
        this.model = model;
        this.batches = new BatchApplier(transactionManager);
    }

    @KafkaListener(id = "statuspage-incident-events", topics = Topics.INCIDENT_EVENTS, groupId = "statuspage-service",
            batch = "true")
    void on(List<ConsumerRecord<String, SpecificRecord>> records) {
        boolean[] changed = {false};
        try {
            batches.applyAll(records, events -> changed[0] |= apply(events));
        } finally {
            if (changed[0]) {
                model.refresh();
            }
        }
    }

    /**
     * True when one of the events was applied (public and first delivered). The poll's event ids are recorded in one
     * statement and the revision bumped once (issue 19: replay at half the raw consumer's rate).
     */
    private boolean apply(List<SpecificRecord> events) {
        List<SpecificRecord> visible = events.stream().filter(IncidentEventsListener::isPublic).toList();
        Set<String> first = projection.firstDeliveries(visible.stream()
                .map(event -> IncidentEvents.header(event).getEventId()).toList());
        boolean applied = false;
        for (SpecificRecord event : visible) {
            if (first.remove(IncidentEvents.header(event).getEventId())) {
                apply(event);
                applied = true;
            }
        }
        if (applied) {
            model.changed(); // the page's revision, in this transaction: other instances re-render from it
        }
        return applied;
    }

    private void apply(SpecificRecord event) {
        if (event instanceof IncidentDeclared declared) {
            projection.on(declared);
        } else if (event instanceof SeverityChanged changed) {
            projection.on(changed);
        } else if (event instanceof StatusChanged changed) {
            projection.on(changed);
        } else if (event instanceof UpdatePosted update) {
            projection.on(update);
        } else if (event instanceof CustomerImpactChanged impact) {
            projection.on(impact);
        } else if (event instanceof IncidentResolved resolved) {
            projection.on(resolved);
        } else if (event instanceof IncidentReopened reopened) {
            projection.on(reopened);
        } else if (event instanceof IncidentClosed closed) {
            projection.on(closed);
        } else if (event instanceof StatusPagePublished published) {
            projection.on(published);
        } else if (event instanceof StatusPageHidden hidden) {
            projection.on(hidden);
        } else if (event instanceof PublicWordingEdited wording) {
            projection.on(wording);
        } else if (event instanceof ComponentStatusSet component) {
            projection.on(component);
        }
    }

    private static boolean isPublic(SpecificRecord event) {
        return event instanceof IncidentDeclared || event instanceof SeverityChanged || event instanceof StatusChanged
                || event instanceof UpdatePosted || event instanceof CustomerImpactChanged
                || event instanceof IncidentResolved || event instanceof IncidentReopened
                || event instanceof IncidentClosed
                || event instanceof StatusPagePublished || event instanceof StatusPageHidden
                || event instanceof PublicWordingEdited || event instanceof ComponentStatusSet;
    }
}
