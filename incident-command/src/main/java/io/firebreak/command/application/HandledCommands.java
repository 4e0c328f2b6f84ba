package io.firebreak.command.application;

import io.firebreak.command.application.CommandAnswer.Outcome;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The requests already answered, by command id (table {@code handled_command}), written in the transaction that
 * applies the command: a request is applied at most once, and a redelivery gets the first answer again.
 */
@Component
public class HandledCommands {

    private final JdbcTemplate jdbc;

    public HandledCommands(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the command id for this transaction; false when it was handled already. A concurrent transaction that
     * took it first makes this wait for its outcome (the primary key), so two deliveries never both apply.
     */
    boolean claim(String commandId, String incidentId) {
        return jdbc.update("INSERT INTO handled_command (command_id, incident_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                commandId, incidentId) == 1;
    }

    /** Stores the answer of a claimed command. */
    void complete(CommandAnswer answer) {
        jdbc.update("UPDATE handled_command SET answer_id = ?, outcome = ?, reference = ?, problem_title = ?,"
                + " problem_detail = ?, field = ?, handled_at = ? WHERE command_id = ?", answer.answerId(),
                answer.outcome().name(), answer.reference(), answer.problemTitle(), answer.problemDetail(),
                answer.field(), Timestamp.from(answer.handledAt()), answer.commandId());
    }

    /** Stores a rejection (nothing was applied); false when the command id was answered meanwhile. */
    boolean recordRejected(CommandAnswer answer) {
        return jdbc.update("INSERT INTO handled_command (command_id, incident_id, answer_id, outcome, reference,"
                + " problem_title, problem_detail, field, handled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", answer.commandId(), answer.incidentId(), answer.answerId(),
                answer.outcome().name(), answer.reference(), answer.problemTitle(), answer.problemDetail(),
                answer.field(), Timestamp.from(answer.handledAt())) == 1;
    }

    public Optional<CommandAnswer> find(String commandId) {
        return jdbc.query("SELECT answer_id, command_id, incident_id, reference, outcome, problem_title, problem_detail,"
                + " field, handled_at FROM handled_command WHERE command_id = ? AND outcome IS NOT NULL",
                (rs, n) -> new CommandAnswer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Outcome.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant()), commandId).stream().findFirst();
    }
}
