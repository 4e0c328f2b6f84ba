package io.firebreak.command.messaging;

import io.firebreak.command.application.CommandAnswer;
import io.firebreak.command.application.CommandAnswers;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.command.CommandOutcome;
import io.firebreak.schemas.command.IncidentCommandHandled;
import io.firebreak.support.outbox.Outbox;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Answers on {@value Topics#INCIDENT_COMMAND_RESULTS}, keyed by command id, through service-support's outbox: the
 * answer row commits with the command's events and its command-id record, and the relay publishes it.
 */
@Component
public class CommandAnswerOutbox implements CommandAnswers {

    private final Outbox outbox;

    public CommandAnswerOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void send(CommandAnswer answer) {
        outbox.append(answer.answerId(), Topics.INCIDENT_COMMAND_RESULTS, answer.commandId(), toAvro(answer));
    }

    /** A row of its own (the outbox keeps one row per id), carrying the identical answer and answer id. */
    @Override
    public void resend(CommandAnswer answer) {
        outbox.append(answer.answerId() + "/" + UUID.randomUUID(), Topics.INCIDENT_COMMAND_RESULTS,
                answer.commandId(), toAvro(answer));
    }

    static IncidentCommandHandled toAvro(CommandAnswer answer) {
        return IncidentCommandHandled.newBuilder()
                .setEventId(answer.answerId())
                .setCommandId(answer.commandId())
                .setIncidentId(answer.incidentId())
                .setReference(answer.reference())
                .setOutcome(CommandOutcome.valueOf(answer.outcome().name()))
                .setProblemTitle(answer.problemTitle())
                .setProblemDetail(answer.problemDetail())
                .setField(answer.field())
                .setHandledAt(answer.handledAt())
                .build();
    }
}
