package io.firebreak.notification.messaging;

import io.firebreak.notification.engine.IncidentReactions;
import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.CustomerImpactChanged;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentClosed;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentReopened;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.RoleAssigned;
import io.firebreak.schemas.incident.SeverityChanged;
import io.firebreak.schemas.incident.StatusChanged;
import io.firebreak.schemas.incident.TimelineNoteAdded;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.support.jdbc.ProcessedEvents;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes {@value Topics#INCIDENT_EVENTS}: one handler per event. Each event is applied in one transaction with
 * its dedupe record, so a redelivery after a crash or rebalance queues no message and no page twice. Failures are
 * retried and then dead-lettered by service-support's consumer pipeline.
 */
@Component
@KafkaListener(id = "notification-incident-events", topics = Topics.INCIDENT_EVENTS, groupId = "notification-service")
public class IncidentEventsListener {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventsListener.class);

    private final IncidentReactions reactions;
    private final JdbcTemplate jdbc;
    private final ProcessedEvents processed;
    private final TransactionTemplate transaction;

    public IncidentEventsListener(IncidentReactions reactions, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager) {
        this.reactions = reactions;
        this.jdbc = jdbc;
        this.processed = new ProcessedEvents(jdbc);
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @KafkaHandler
    void on(IncidentDeclared event) {
        apply(event, reactions::on);
    }

    @KafkaHandler
    void on(SeverityChanged event) {
        apply(event, reactions::on);
    }

    @KafkaHandler
    void on(StatusChanged event) {
        apply(event, reactions::on);
    }

    @KafkaHandler
    void on(RoleAssigned event) {
        apply(event, reactions::on);
    }

    @KafkaHandler
    void on(CustomerImpactChanged event) {
        apply(event, reactions::on);
    }

    @KafkaHandler
    void on(UpdatePosted event) {
        apply(event, reactions::on);
    }

    @KafkaHandler
    void on(TimelineNoteAdded event) {
        apply(event, reactions::on);
    }

    @KafkaHandler
    void on(IncidentResolved event) {
        apply(event, reactions::on);
    }

    @KafkaHandler
    void on(IncidentReopened event) {
        apply(event, reactions::on);
    }

    @KafkaHandler
    void on(IncidentClosed event) {
        apply(event, reactions::on);
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
        // alerts attached to an incident notify nobody by themselves
    }

    private <E extends SpecificRecord> void apply(E event, Consumer<E> reaction) {
        EventHeader header = IncidentEvents.header(event);
        transaction.executeWithoutResult(status -> {
            if (!processed.firstTime(header.getEventId())) {
                return;
            }
            if (!(event instanceof IncidentDeclared) && !known(header.getIncidentId())) {
                // nothing to post to (no channel), nobody to page: applying it would only queue messages that can
                // never be sent. Skipped deliberately, and recorded as processed so a redelivery is skipped too.
                log.warn("notification.event_for_unknown_incident incident={} event={} type={}",
                        header.getIncidentId(), header.getEventId(), event.getClass().getSimpleName());
                return;
            }
            reaction.accept(event);
        });
    }

    private boolean known(String incidentId) {
        return !jdbc.queryForList("SELECT 1 FROM incident WHERE incident_id = ?", Integer.class, incidentId).isEmpty();
    }
}
