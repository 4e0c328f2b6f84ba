package io.firebreak.debrief.messaging;

import io.firebreak.debrief.readmodel.PagingProjection;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.support.kafka.BatchApplier;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Consumes {@value Topics#PAGING_EVENTS}: who was paged and when it was acknowledged, a poll per transaction
 * (service-support's BatchApplier, as the incident events). Seek-aware for replays.
 */
@Component
public class PagingEventsListener extends ReplayableListener {

    public static final String ID = "debrief-paging-events";

    private final PagingProjection projection;
    private final BatchApplier batches;

    public PagingEventsListener(PagingProjection projection, PlatformTransactionManager transactionManager) {
        this.projection = projection;
        this.batches = new BatchApplier(transactionManager);
    }

    @Override
    String containerId() {
        return ID;
    }

    @KafkaListener(id = ID, topics = Topics.PAGING_EVENTS, groupId = "debrief-service", batch = "true")
    void on(List<ConsumerRecord<String, SpecificRecord>> records) {
        batches.applyAll(records, projection::apply);
    }
}
