package io.firebreak.debrief.messaging;

import io.firebreak.debrief.readmodel.DebriefProjection;
import io.firebreak.schemas.catalog.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes {@value Topics#INCIDENT_EVENTS} into the debrief projection, each event in one transaction with
 * its dedupe record. Seek-aware, so a replay can rewind it to the beginning of the topic.
 */
@Component
public class IncidentEventsListener extends AbstractConsumerSeekAware {

    public static final String ID = "debrief-incident-events";

    private final DebriefProjection projection;
    private final TransactionTemplate transaction;

    public IncidentEventsListener(DebriefProjection projection, PlatformTransactionManager transactionManager) {
        this.projection = projection;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @KafkaListener(id = ID, topics = Topics.INCIDENT_EVENTS, groupId = "debrief-service")
    void on(SpecificRecord event) {
        transaction.executeWithoutResult(status -> projection.apply(event));
    }
}
