package io.firebreak.notification.engine;

import io.firebreak.notification.domain.SlackPerson;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.command.CommandOutcome;
import io.firebreak.schemas.command.IncidentCommandHandled;
import io.firebreak.schemas.command.IncidentCommandRequested;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.support.outbox.Outbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incident commands asked from Slack. incident-command owns incidents, so a command is never applied here: it is a
 * {@code slack_command} row and an {@code IncidentCommandRequested} in the outbox, written in one transaction (nothing
 * accepted is lost; the relay publishes it on {@value Topics#INCIDENT_COMMANDS}, keyed by incident id). The answer
 * ({@code IncidentCommandHandled}) is recorded on the row for the answer worker to tell the person. Blocking.
 */
@Component
public class SlackCommands {

    private static final Logger log = LoggerFactory.getLogger(SlackCommands.class);

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public SlackCommands(JdbcTemplate jdbc, Outbox outbox, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** An answer to tell: who asked, where, and what to say. */
    public record Answer(String commandId, String incidentId, String slackUserId, String channelId, String commandType,
            String outcome, String text, int attempts, Instant answeredAt) {
    }

    /**
     * Asks incident-command for {@code command} on {@code incidentId} as {@code by}.
     *
     * @param asked what the person asked, in their words, for the row (never sent anywhere)
     * @return the command id
     */
    public String request(SlackPerson by, String channelId, String incidentId, SpecificRecord command, String asked) {
        String commandId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        IncidentCommandRequested requested = IncidentCommandRequested.newBuilder()
                .setCommandId(commandId)
                .setRequestedAt(now)
                .setActor(new Actor(by.id(), by.name(), ActorKind.HUMAN))
                .setSource(IncidentSource.SLACK)
                .setIncidentId(incidentId)
                .setCommand(command)
                .build();
        transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO slack_command (command_id, incident_id, slack_user_id, actor_id, channel_id,"
                    + " command_type, asked, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", commandId, incidentId,
                    by.slackUserId(), by.id(), channelId, command.getSchema().getName(), asked, Timestamp.from(now));
            outbox.append(commandId, Topics.INCIDENT_COMMANDS, incidentId, requested);
        });
        log.info("slack.command_requested command={} incident={} type={} actor={}", commandId, incidentId,
                command.getSchema().getName(), by.id());
        return commandId;
    }

    /**
     * Records incident-command's answer for the person who asked, in the caller's transaction (the consumer's, with
     * its dedupe record). An answer to a command not asked here (another surface) is ignored.
     */
    public void answered(IncidentCommandHandled handled) {
        String text = handled.getOutcome() == CommandOutcome.APPLIED
                ? applied(handled)
                : ":warning: Not done" + (handled.getProblemTitle() == null ? "" : " — " + handled.getProblemTitle())
                        + (handled.getProblemDetail() == null ? "" : ": " + handled.getProblemDetail());
        int updated = jdbc.update("UPDATE slack_command SET outcome = ?, answer_text = ?, answer_state = 'PENDING',"
                + " answered_at = ? WHERE command_id = ? AND answer_state = 'AWAITING'",
                handled.getOutcome().name(), text, Timestamp.from(clock.instant()), handled.getCommandId());
        if (updated == 1) {
            log.info("slack.command_answered command={} outcome={}", handled.getCommandId(), handled.getOutcome());
        }
    }

    private static String applied(IncidentCommandHandled handled) {
        String reference = handled.getReference() == null ? "The incident" : handled.getReference();
        return ":white_check_mark: Done for " + reference + ".";
    }

    /** Answers waiting to be told, oldest first, locked for the caller's transaction. */
    public List<Answer> pendingAnswers(int limit) {
        return jdbc.query("SELECT command_id, incident_id, slack_user_id, channel_id, command_type, outcome, answer_text,"
                + " answer_attempts, answered_at FROM slack_command WHERE answer_state = 'PENDING'"
                + " ORDER BY answered_at LIMIT ? FOR UPDATE SKIP LOCKED",
                (rs, n) -> new Answer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                        rs.getTimestamp(9).toInstant()), limit);
    }

    /** The answer was told ({@code SENT}), recorded without a bot token ({@code RECORDED}) or given up ({@code FAILED}). */
    public void told(String commandId, String state) {
        jdbc.update("UPDATE slack_command SET answer_state = ? WHERE command_id = ?", state, commandId);
    }

    public void failedToTell(String commandId) {
        jdbc.update("UPDATE slack_command SET answer_attempts = answer_attempts + 1 WHERE command_id = ?", commandId);
    }

    public TransactionTemplate transaction() {
        return transaction;
    }

    /** The incident's Slack channel id and its reference, once this service created the channel. */
    public Optional<String> channelOf(String incidentId) {
        return jdbc.queryForList("SELECT channel_id FROM slack_channel WHERE incident_id = ? AND channel_id IS NOT NULL",
                String.class, incidentId).stream().findFirst();
    }
}
