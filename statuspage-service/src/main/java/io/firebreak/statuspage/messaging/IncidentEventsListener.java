package io.firebreak.statuspage.messaging;

import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.CustomerImpactChanged;
import io.firebreak.schemas.incident.IncidentClosed;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentReopened;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.SeverityChanged;
import io.firebreak.schemas.incident.StatusChanged;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.statuspage.readmodel.StatusModelStore;
import io.firebreak.statuspage.readmodel.StatusProjection;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes {@value Topics#INCIDENT_EVENTS}: one handler per event the page cares about; roles, notes and
 * alerts are ignored (they are never public). Each event applies in one database transaction together with
 * its dedupe record and the page's revision; the page snapshot is rebuilt after it commits.
 */
@Component
@KafkaListener(id = "statuspage-incident-events", topics = Topics.INCIDENT_EVENTS, groupId = "statuspage-service")
public class IncidentEventsListener {

    private final StatusProjection projection;
    private final StatusModelStore model;
    private final TransactionTemplate transaction;

    public IncidentEventsListener(StatusProjection projection, StatusModelStore model,
            PlatformTransactionManager transactionManager) {
        this.projection = projection;
        this.model = model;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @KafkaHandler
    void on(IncidentDeclared event) {
        apply(event, projection::on);
    }

    @KafkaHandler
    void on(SeverityChanged event) {
        apply(event, projection::on);
    }

    @KafkaHandler
    void on(StatusChanged event) {
        apply(event, projection::on);
    }

    @KafkaHandler
    void on(UpdatePosted event) {
        apply(event, projection::on);
    }

    @KafkaHandler
    void on(CustomerImpactChanged event) {
        apply(event, projection::on);
    }

    @KafkaHandler
    void on(IncidentResolved event) {
        apply(event, projection::on);
    }

    @KafkaHandler
    void on(IncidentReopened event) {
        apply(event, projection::on);
    }

    @KafkaHandler
    void on(IncidentClosed event) {
        apply(event, projection::on);
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
        // roles, notes and alerts are internal; nothing of them is public
    }

    private <E extends SpecificRecord> void apply(E event, Consumer<E> handler) {
        Boolean applied = transaction.execute(status -> {
            if (!projection.firstDelivery(IncidentEvents.header(event))) {
                return false;
            }
            handler.accept(event);
            model.changed();
            return true;
        });
        if (Boolean.TRUE.equals(applied)) {
            model.refresh();
        }
    }
}
