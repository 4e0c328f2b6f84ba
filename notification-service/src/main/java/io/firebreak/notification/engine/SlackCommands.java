package io.firebreak.notification.engine;

import io.firebreak.notification.domain.SlackPerson;
import io.firebreak.notification.domain.SlackText;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.command.CommandOutcome;
import io.firebreak.schemas.command.DeclareIncidentRequest;
import io.firebreak.schemas.command.IncidentCommandHandled;
import io.firebreak.schemas.command.IncidentCommandRequested;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.serde.SingleObjectEventCodec;
import io.firebreak.support.outbox.Outbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** The events' own encoding, which reads every released version: a declaration kept for a resend stays readable. */
    private static final SingleObjectEventCodec CODEC = new SingleObjectEventCodec();
    /** An incident reference (INC-42) in a refusal's detail. */
    private static final Pattern REFERENCE = Pattern.compile("\\b[A-Z][A-Z0-9]*-[0-9]+\\b");

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

    /**
     * An answer to tell: who asked, where, and what to say; {@code offersForce}: a declaration refused as a possible
     * duplicate, told with a <em>Declare anyway</em> button.
     */
    public record Answer(String commandId, String incidentId, String slackUserId, String channelId, String commandType,
            String outcome, String text, int attempts, Instant answeredAt, boolean offersForce) {
    }

    /**
     * Asks incident-command for {@code command} on {@code incidentId} as {@code by}.
     *
     * @param asked what the person asked, in their words, for the row (never sent anywhere)
     * @return the command id
     */
    public String request(SlackPerson by, String channelId, String incidentId, SpecificRecord command, String asked) {
        String commandId = UUID.randomUUID().toString();
        IncidentCommandRequested requested = IncidentCommandRequested.newBuilder()
                .setCommandId(commandId)
                .setRequestedAt(clock.instant())
                .setActor(new Actor(by.id(), by.name(), ActorKind.HUMAN))
                .setSource(IncidentSource.SLACK)
                .setIncidentId(incidentId)
                .setCommand(command)
                .build();
        transaction.executeWithoutResult(status -> record(requested, by.slackUserId(), channelId, asked));
        log.info("slack.command_requested command={} incident={} type={} actor={}", commandId, incidentId,
                command.getSchema().getName(), by.id());
        return commandId;
    }

    /** The row and the outbox entry of a request, in the caller's transaction; a declaration keeps the request. */
    private void record(IncidentCommandRequested requested, String slackUserId, String channelId, String asked) {
        SpecificRecord command = (SpecificRecord) requested.getCommand();
        jdbc.update("INSERT INTO slack_command (command_id, incident_id, slack_user_id, actor_id, channel_id,"
                + " command_type, asked, requested_at, request) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                requested.getCommandId(), requested.getIncidentId(), slackUserId, requested.getActor().getId(),
                channelId, command.getSchema().getName(), asked, Timestamp.from(requested.getRequestedAt()),
                command instanceof DeclareIncidentRequest ? CODEC.encode(requested) : null);
        outbox.append(requested.getCommandId(), Topics.INCIDENT_COMMANDS, requested.getIncidentId(), requested);
    }

    /** What became of a press of <em>Declare anyway</em>. */
    public enum Forced {
        /** The declaration was asked again, with force. */
        ASKED,
        /** It was asked again already (a second press asks nothing). */
        ALREADY_ASKED,
        /** The command was not a declaration refused as a possible duplicate, or not this person's. */
        NOT_OFFERED
    }

    /**
     * <em>Declare anyway</em> on the answer to a declaration refused as a possible duplicate (issue 16: "the CLI and
     * Slack show the candidates and ask"): the same declaration, as its person asked it, is asked again with
     * {@code force}, under a new command id and the same incident id, so even two presses that both got through could
     * not declare two incidents. Only the person who declared may press it, once.
     */
    public Forced declareAnyway(String refusedCommandId, String slackUserId) {
        return transaction.execute(status -> {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT slack_user_id, channel_id, request,"
                    + " offers_force, resent_as FROM slack_command WHERE command_id = ? FOR UPDATE", refusedCommandId);
            if (rows.isEmpty() || !Boolean.TRUE.equals(rows.get(0).get("offers_force"))
                    || rows.get(0).get("request") == null || !rows.get(0).get("slack_user_id").equals(slackUserId)) {
                return Forced.NOT_OFFERED;
            }
            Map<String, Object> row = rows.get(0);
            if (row.get("resent_as") != null) {
                return Forced.ALREADY_ASKED;
            }
            IncidentCommandRequested refused = (IncidentCommandRequested) CODEC.decode((byte[]) row.get("request"));
            DeclareIncidentRequest declaration = DeclareIncidentRequest.newBuilder(
                    (DeclareIncidentRequest) refused.getCommand()).setForce(true).build();
            IncidentCommandRequested again = IncidentCommandRequested.newBuilder(refused)
                    .setCommandId(UUID.randomUUID().toString())
                    .setRequestedAt(clock.instant())
                    .setCommand(declaration)
                    .build();
            record(again, slackUserId, (String) row.get("channel_id"), "declare anyway: " + declaration.getTitle());
            jdbc.update("UPDATE slack_command SET resent_as = ? WHERE command_id = ?", again.getCommandId(),
                    refusedCommandId);
            log.info("slack.command_forced command={} refused={} incident={}", again.getCommandId(), refusedCommandId,
                    again.getIncidentId());
            return Forced.ASKED;
        });
    }

    /**
     * Records incident-command's answer for the person who asked, in the caller's transaction (the consumer's, with
     * its dedupe record). An answer to a command not asked here (another surface) is ignored. A declaration refused as
     * a possible duplicate (409 Conflict on its title, incident-command's PossibleDuplicates) is answered with the open
     * incidents it resembles and offers <em>Declare anyway</em>.
     */
    public void answered(IncidentCommandHandled handled) {
        List<String> types = jdbc.queryForList("SELECT command_type FROM slack_command WHERE command_id = ?"
                + " AND answer_state = 'AWAITING'", String.class, handled.getCommandId());
        if (types.isEmpty()) {
            return;
        }
        boolean duplicate = possibleDuplicate(handled, types.get(0));
        String text = handled.getOutcome() == CommandOutcome.APPLIED
                ? applied(handled)
                : duplicate ? duplicates(handled)
                : ":warning: Not done" + (handled.getProblemTitle() == null ? "" : " — " + handled.getProblemTitle())
                        + (handled.getProblemDetail() == null ? "" : ": " + handled.getProblemDetail());
        int updated = jdbc.update("UPDATE slack_command SET outcome = ?, answer_text = ?, answer_state = 'PENDING',"
                + " answered_at = ?, offers_force = ? WHERE command_id = ? AND answer_state = 'AWAITING'",
                handled.getOutcome().name(), text, Timestamp.from(clock.instant()), duplicate, handled.getCommandId());
        if (updated == 1) {
            log.info("slack.command_answered command={} outcome={} duplicate={}", handled.getCommandId(),
                    handled.getOutcome(), duplicate);
        }
    }

    private static boolean possibleDuplicate(IncidentCommandHandled handled, String commandType) {
        return handled.getOutcome() == CommandOutcome.REJECTED && "DeclareIncidentRequest".equals(commandType)
                && "Conflict".equals(handled.getProblemTitle()) && "title".equals(handled.getField());
    }

    /**
     * The open incidents the refusal names (references in its detail this service knows), each with its channel; the
     * detail itself when none is known here.
     */
    private String duplicates(IncidentCommandHandled handled) {
        String detail = handled.getProblemDetail() == null ? "" : handled.getProblemDetail();
        List<String> references = new ArrayList<>();
        Matcher found = REFERENCE.matcher(detail);
        while (found.find() && references.size() < 10) {
            if (!references.contains(found.group())) {
                references.add(found.group());
            }
        }
        List<String> candidates = references.isEmpty() ? List.of() : jdbc.query("""
                SELECT i.reference, i.title, i.severity, i.status, c.channel_id FROM incident i
                LEFT JOIN slack_channel c ON c.incident_id = i.incident_id
                WHERE i.reference = ANY(?) AND i.status <> 'CLOSED' ORDER BY array_position(?, i.reference)""",
                (rs, n) -> "• *" + rs.getString(1) + "* " + rs.getString(2) + " (" + SlackText.words(rs.getString(3))
                        + ", " + SlackText.words(rs.getString(4)) + ")"
                        + (rs.getString(5) == null ? "" : " <#" + rs.getString(5) + ">"),
                references.toArray(String[]::new), references.toArray(String[]::new));
        return ":warning: Not declared: this looks like " + (candidates.size() > 1 ? "incidents that are"
                : "an incident that is") + " already open on the same services.\n"
                + (candidates.isEmpty() ? detail : String.join("\n", candidates))
                + "\nJoin it rather than running the same incident twice, or, if this is a different problem,"
                + " *Declare anyway*.";
    }

    private static String applied(IncidentCommandHandled handled) {
        String reference = handled.getReference() == null ? "The incident" : handled.getReference();
        return ":white_check_mark: Done for " + reference + ".";
    }

    /** Answers waiting to be told, oldest first, locked for the caller's transaction. */
    public List<Answer> pendingAnswers(int limit) {
        return jdbc.query("SELECT command_id, incident_id, slack_user_id, channel_id, command_type, outcome, answer_text,"
                + " answer_attempts, answered_at, offers_force FROM slack_command WHERE answer_state = 'PENDING'"
                + " ORDER BY answered_at LIMIT ? FOR UPDATE SKIP LOCKED",
                (rs, n) -> new Answer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                        rs.getTimestamp(9).toInstant(), rs.getBoolean(10)), limit);
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
