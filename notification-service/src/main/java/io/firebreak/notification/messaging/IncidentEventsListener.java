package io.firebreak.notification.messaging;

import io.firebreak.notification.engine.IncidentReactions;
import io.firebreak.notification.engine.StatusPageReactions;
import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.AlertAttached;
import io.firebreak.schemas.incident.CauseIdentified;
import io.firebreak.schemas.incident.ComponentStatusSet;
import io.firebreak.schemas.incident.CustomerEmailSent;
import io.firebreak.schemas.incident.ContainmentStepRecorded;
import io.firebreak.schemas.incident.CustomerImpactChanged;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentClosed;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentReopened;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.PublicWordingEdited;
import io.firebreak.schemas.incident.RoleAssigned;
import io.firebreak.schemas.incident.SeverityChanged;
import io.firebreak.schemas.incident.StatusChanged;
import io.firebreak.schemas.incident.StatusPageHidden;
import io.firebreak.schemas.incident.StatusPagePublished;
import io.firebreak.schemas.incident.TimelineNoteAdded;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.schemas.incident.VideoBridgeAttached;
import io.firebreak.support.jdbc.ProcessedEvents;
import io.firebreak.support.kafka.BatchApplier;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Consumes {@value Topics#INCIDENT_EVENTS} a poll at a time, in one transaction per poll (service-support's
 * BatchApplier) with the poll's dedupe records written in one statement, so a redelivery after a crash or rebalance
 * queues no message and no page twice. Failures are retried and then dead-lettered by service-support's consumer pipeline.
 */
@Component
public class IncidentEventsListener {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventsListener.class);

    private final IncidentReactions reactions;
    private final StatusPageReactions statusPage;
    private final JdbcTemplate jdbc;
    private final ProcessedEvents processed;
    private final BatchApplier batches;

    public IncidentEventsListener(IncidentReactions reactions, StatusPageReactions statusPage, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager) {
        this.reactions = reactions;
        this.statusPage = statusPage;
        this.jdbc = jdbc;
        this.processed = new ProcessedEvents(jdbc);
        this.batches = new BatchApplier(transactionManager);
    }

    @KafkaListener(id = "notification-incident-events", topics = Topics.INCIDENT_EVENTS,
            groupId = "notification-service", batch = "true")
    void on(List<ConsumerRecord<String, SpecificRecord>> records) {
        batches.applyAll(records, this::apply);
    }

    /** A poll's events in order; their dedupe records go in one statement (issue 19). */
    private void apply(List<SpecificRecord> events) {
        // alerts attached to an incident notify nobody by themselves
        List<SpecificRecord> relevant = events.stream().filter(event -> !(event instanceof AlertAttached)
                && IncidentEvents.TYPES.contains(event.getClass())).toList();
        Set<String> first = processed.firstTimes(relevant.stream()
                .map(event -> IncidentEvents.header(event).getEventId()).toList());
        for (SpecificRecord event : relevant) {
            if (first.remove(IncidentEvents.header(event).getEventId())) {
                apply(event, IncidentEvents.header(event));
            }
        }
    }

    private void apply(SpecificRecord event, EventHeader header) {
        if (!(event instanceof IncidentDeclared) && !known(header.getIncidentId())) {
            // nothing to post to (no channel), nobody to page: applying it would only queue messages that can
            // never be sent. Skipped deliberately, and recorded as processed so a redelivery is skipped too.
            log.warn("notification.event_for_unknown_incident incident={} event={} type={}",
                    header.getIncidentId(), header.getEventId(), event.getClass().getSimpleName());
            return;
        }
        if (event instanceof IncidentDeclared e) {
            reactions.on(e);
        } else if (event instanceof SeverityChanged e) {
            reactions.on(e);
        } else if (event instanceof StatusChanged e) {
            reactions.on(e);
        } else if (event instanceof RoleAssigned e) {
            reactions.on(e);
        } else if (event instanceof CustomerImpactChanged e) {
            reactions.on(e);
        } else if (event instanceof UpdatePosted e) {
            reactions.on(e);
        } else if (event instanceof TimelineNoteAdded e) {
            reactions.on(e);
        } else if (event instanceof IncidentResolved e) {
            reactions.on(e);
        } else if (event instanceof IncidentReopened e) {
            reactions.on(e);
        } else if (event instanceof IncidentClosed e) {
            reactions.on(e);
        } else if (event instanceof ContainmentStepRecorded e) {
            reactions.on(e);
        } else if (event instanceof CauseIdentified e) {
            reactions.on(e);
        } else if (event instanceof VideoBridgeAttached e) {
            reactions.on(e);
        } else if (event instanceof StatusPagePublished e) {
            statusPage.on(e);
        } else if (event instanceof StatusPageHidden e) {
            statusPage.on(e);
        } else if (event instanceof PublicWordingEdited e) {
            statusPage.on(e);
        } else if (event instanceof ComponentStatusSet e) {
            statusPage.on(e);
        } else if (event instanceof CustomerEmailSent e) {
            statusPage.on(e);
        }
    }

    private boolean known(String incidentId) {
        return !jdbc.queryForList("SELECT 1 FROM incident WHERE incident_id = ?", Integer.class, incidentId).isEmpty();
    }
}
