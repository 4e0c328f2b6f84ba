package io.firebreak.command.messaging;

import io.firebreak.command.application.CommandAnswer;
import io.firebreak.command.application.RequestedCommands;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.command.IncidentCommandRequested;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@value Topics#INCIDENT_COMMANDS}: commands people asked for in Slack (published by notification-service),
 * applied by the HTTP API's rules at most once per command id and answered on
 * {@value Topics#INCIDENT_COMMAND_RESULTS}. A request wrong in itself is answered REJECTED, never dead-lettered;
 * only failures worth retrying reach service-support's pipeline (back-off, then the dead-letter topic), and only a
 * record that cannot be decoded at all is dead-lettered at once.
 */
@Component
public class IncidentCommandsListener {

    public static final String ID = "incident-commands";

    private static final Logger log = LoggerFactory.getLogger(IncidentCommandsListener.class);

    private final CommandRequestMapper mapper;
    private final RequestedCommands requests;
    private final CommandAnswerOutbox answers;

    public IncidentCommandsListener(CommandRequestMapper mapper, RequestedCommands requests,
            CommandAnswerOutbox answers) {
        this.mapper = mapper;
        this.requests = requests;
        this.answers = answers;
    }

    @KafkaListener(id = ID, topics = Topics.INCIDENT_COMMANDS, groupId = "incident-command")
    void on(SpecificRecord record) {
        if (!(record instanceof IncidentCommandRequested request)) {
            log.warn("command_request.ignored type={}", record.getSchema().getFullName());
            return;
        }
        CommandAnswer answer = requests.handle(mapper.map(request), answers);
        log.debug("command_request.answered commandId={} outcome={}", answer.commandId(), answer.outcome());
    }
}
