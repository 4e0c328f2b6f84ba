package io.firebreak.debrief.messaging;

import io.firebreak.debrief.readmodel.PagingProjection;
import io.firebreak.schemas.catalog.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Consumes {@value Topics#PAGING_EVENTS}: who was paged and when it was acknowledged. Seek-aware for replays. */
@Component
public class PagingEventsListener extends ReplayableListener {

    public static final String ID = "debrief-paging-events";

    private final PagingProjection projection;
    private final TransactionTemplate transaction;

    public PagingEventsListener(PagingProjection projection, PlatformTransactionManager transactionManager) {
        this.projection = projection;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    String containerId() {
        return ID;
    }

    @KafkaListener(id = ID, topics = Topics.PAGING_EVENTS, groupId = "debrief-service")
    void on(SpecificRecord event) {
        transaction.executeWithoutResult(status -> projection.apply(event));
    }
}
