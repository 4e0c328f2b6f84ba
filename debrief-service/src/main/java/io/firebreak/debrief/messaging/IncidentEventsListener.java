package io.firebreak.debrief.messaging;

import io.firebreak.debrief.readmodel.DebriefProjection;
import io.firebreak.schemas.catalog.Topics;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes {@value Topics#INCIDENT_EVENTS} into the debrief projection a poll at a time: the decodable records of a
 * batch are applied in one transaction (each with its dedupe record), which is what makes a replay fast. A record
 * that cannot be decoded, or one that fails on its own, is named to the error handler, which commits the records
 * before it, retries it, and finally sends it to the dead-letter topic. Seek-aware, so a replay can rewind it.
 */
@Component
public class IncidentEventsListener extends ReplayableListener {

    public static final String ID = "debrief-incident-events";

    private final DebriefProjection projection;
    private final TransactionTemplate transaction;

    public IncidentEventsListener(DebriefProjection projection, PlatformTransactionManager transactionManager) {
        this.projection = projection;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    String containerId() {
        return ID;
    }

    @KafkaListener(id = ID, topics = Topics.INCIDENT_EVENTS, groupId = "debrief-service", batch = "true")
    void on(List<ConsumerRecord<String, SpecificRecord>> records) {
        int undecodable = -1;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() == null) {
                undecodable = i;
                break;
            }
        }
        List<ConsumerRecord<String, SpecificRecord>> decodable = undecodable < 0 ? records : records.subList(0, undecodable);
        try {
            transaction.executeWithoutResult(status -> decodable.forEach(record -> projection.apply(record.value())));
        } catch (RuntimeException batchFailed) {
            // find the record that fails on its own; the ones before it are applied (again: dedupe makes that safe)
            for (ConsumerRecord<String, SpecificRecord> record : decodable) {
                try {
                    transaction.executeWithoutResult(status -> projection.apply(record.value()));
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException("Projection failed for " + record.topic() + "-"
                            + record.partition() + "@" + record.offset(), failed, record);
                }
            }
        }
        if (undecodable >= 0) {
            throw new BatchListenerFailedException("Undecodable record", records.get(undecodable));
        }
    }
}
