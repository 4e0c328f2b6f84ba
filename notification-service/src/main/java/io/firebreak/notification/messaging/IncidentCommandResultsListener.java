package io.firebreak.notification.messaging;

import io.firebreak.notification.engine.SlackCommands;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.command.IncidentCommandHandled;
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
 * Consumes incident-command's answers ({@value Topics#INCIDENT_COMMAND_RESULTS}) to the commands asked from Slack,
 * a poll per transaction with the dedupe record of each answer's event id; failures are retried and dead-lettered by
 * service-support's consumer pipeline. The answer worker then tells the person who asked.
 */
@Component
public class IncidentCommandResultsListener {

    private final SlackCommands commands;
    private final ProcessedEvents processed;
    private final BatchApplier batches;

    public IncidentCommandResultsListener(SlackCommands commands, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.processed = new ProcessedEvents(jdbc);
        this.batches = new BatchApplier(transactionManager);
    }

    @KafkaListener(id = "notification-incident-command-results", topics = Topics.INCIDENT_COMMAND_RESULTS,
            groupId = "notification-service-command-results", batch = "true")
    void on(List<ConsumerRecord<String, SpecificRecord>> records) {
        batches.apply(records, this::apply);
    }

    private void apply(SpecificRecord record) {
        if (record instanceof IncidentCommandHandled handled && processed.firstTime(handled.getEventId())) {
            commands.answered(handled);
        }
    }
}
