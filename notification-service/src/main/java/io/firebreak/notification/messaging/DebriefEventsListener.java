package io.firebreak.notification.messaging;

import io.firebreak.notification.engine.DebriefReminders;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.debrief.DebriefCompleted;
import io.firebreak.support.jdbc.ProcessedEvents;
import io.firebreak.support.kafka.BatchApplier;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Consumes debrief-service's {@value Topics#DEBRIEF_EVENTS}: a {@link DebriefCompleted} ends the overdue-debrief
 * announcements of its incident. A poll per transaction with the dedupe record of each event id; failures are
 * retried and dead-lettered by service-support's consumer pipeline.
 */
@Component
public class DebriefEventsListener {

    private final DebriefReminders debriefs;
    private final ProcessedEvents processed;
    private final BatchApplier batches;

    public DebriefEventsListener(DebriefReminders debriefs, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager) {
        this.debriefs = debriefs;
        this.processed = new ProcessedEvents(jdbc);
        this.batches = new BatchApplier(transactionManager);
    }

    @KafkaListener(id = "notification-debrief-events", topics = Topics.DEBRIEF_EVENTS,
            groupId = "notification-service-debrief-events", batch = "true")
    void on(List<ConsumerRecord<String, SpecificRecord>> records) {
        batches.apply(records, this::apply);
    }

    private void apply(SpecificRecord record) {
        if (record instanceof DebriefCompleted completed && processed.firstTime(completed.getEventId())) {
            debriefs.completed(completed.getIncidentId(), completed.getEventId(), completed.getDebriefUrl(),
                    completed.getCompletedAt());
        }
    }
}
