package io.firebreak.debrief.messaging;

import io.firebreak.debrief.readmodel.DebriefProjection;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.support.kafka.BatchApplier;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Consumes {@value Topics#INCIDENT_EVENTS} into the debrief projection a poll at a time: one transaction, one dedupe
 * statement and a few JDBC batches per poll (service-support's BatchApplier, DebriefProjection), which is what makes
 * a replay fast.
 * Seek-aware, so a replay can rewind it.
 */
@Component
public class IncidentEventsListener extends ReplayableListener {

    public static final String ID = "debrief-incident-events";

    private final DebriefProjection projection;
    private final BatchApplier batches;

    public IncidentEventsListener(DebriefProjection projection, PlatformTransactionManager transactionManager) {
        this.projection = projection;
        this.batches = new BatchApplier(transactionManager);
    }

    @Override
    String containerId() {
        return ID;
    }

    @KafkaListener(id = ID, topics = Topics.INCIDENT_EVENTS, groupId = "debrief-service", batch = "true")
    void on(List<ConsumerRecord<String, SpecificRecord>> records) {
        batches.applyAll(records, projection::apply);
    }
}
