package io.firebreak.notification.delivery;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.engine.SlackOutbox;
import io.firebreak.notification.readmodel.IncidentSummaries;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the Slack outbox in order, per target: about one message a second per channel, {@code Retry-After}
 * honoured on 429, transient errors retried with back-off, nothing dropped. Without a bot token every message is
 * recorded instead of sent, so the local stack works without Slack.
 *
 * <p>Slack has no idempotency key, so every post carries the outbox row's id as message metadata
 * ({@value #METADATA_EVENT_TYPE}, {@code firebreak_message_id}), and a committed {@code slack_attempt} row marks
 * each call before it is made. A message tried again while its mark is still there had an unknown outcome (the
 * process died between the call and the commit, the call timed out, a gateway failed): the channel's recent history
 * is searched for its id first, and a message found there is recorded with its ts instead of posted again.
 */
@Component
public class SlackSender {

    private static final Logger log = LoggerFactory.getLogger(SlackSender.class);

    /** How long one pass over the outbox may spend on calls before it looks for new channels again. */
    private static final Duration PASS_BUDGET = Duration.ofSeconds(1);

    /** The metadata event type of every message Firebreak posts; its payload names the outbox row. */
    static final String METADATA_EVENT_TYPE = "firebreak_message";
    static final String METADATA_MESSAGE_ID = "firebreak_message_id";
    /** How far back a message of unknown outcome is looked for: the newest messages of its channel. */
    static final int HISTORY_PAGE = 100;
    static final int HISTORY_PAGES = 3;

    private final JdbcTemplate jdbc;
    private final NotificationProperties.Slack settings;
    private final MethodsClient slack;
    private final Clock clock;
    private final TransactionTemplate transaction;
    /** Commits the attempt mark before the call, whatever becomes of the transaction that holds the row's lock. */
    private final TransactionTemplate ownTransaction;
    private final SlackPace pace;
    private final IncidentSummaries summaries;

    public SlackSender(JdbcTemplate jdbc, NotificationProperties properties, Slack slack, Clock clock,
            PlatformTransactionManager transactionManager, SlackPace pace, IncidentSummaries summaries) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.pace = pace;
        this.summaries = summaries;
        this.jdbc = jdbc;
        this.settings = properties.slack();
        this.slack = settings.enabled() ? slack.methods(settings.botToken()) : null;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${firebreak.notification.slack.poll-interval:200ms}")
    public synchronized void sendDue() {
        Instant now = clock.instant();
        // a channel's backlog held back by its pace (~1 post a second) is left out here, or the oldest 200 would all
        // be paced posts and no new incident would get its channel until they drained: a shared channel's
        // (#incidents after a burst of declarations), and just as well the incident channels' own follow-ups after
        // a burst (their rows name the placeholder target, paced under the channel's id). A paced lane's messages
        // are all left out, so no lane is reordered. A new incident's channel comes first: it heads its own lane, and
        // responders wait for it, while the backlog is follow-ups in channels that exist
        Timestamp at = Timestamp.from(now);
        List<Map<String, Object>> due = jdbc.queryForList("SELECT * FROM slack_message m WHERE state = 'PENDING'"
                + " AND NOT EXISTS (SELECT 1 FROM slack_pace p WHERE p.target = m.target AND p.next_allowed_at > ?)"
                + " AND NOT (m.target = ? AND EXISTS (SELECT 1 FROM slack_channel c JOIN slack_pace p"
                + " ON p.target = c.channel_id WHERE c.incident_id = m.incident_id AND p.next_allowed_at > ?))"
                + " ORDER BY action = 'create_channel' DESC, position LIMIT 200", at, SlackOutbox.INCIDENT_CHANNEL, at);
        Set<String> blocked = new HashSet<>();
        // a pass ends after about a second of calls, so that a channel requested meanwhile waits for at most that:
        // elapsed work, not the injected clock, which stands still in tests
        long passEnds = System.nanoTime() + PASS_BUDGET.toNanos();
        for (Map<String, Object> message : due) {
            if (System.nanoTime() > passEnds) {
                break;
            }
            String lane = message.get("incident_id") + "|" + message.get("target");
            if (blocked.contains(lane)) {
                continue;
            }
            if (((Timestamp) message.get("next_attempt_at")).toInstant().isAfter(now)) {
                blocked.add(lane);
                continue;
            }
            String target = target(message);
            if (target == null || pace.paced(target, now)) {
                blocked.add(lane);
                continue;
            }
            Boolean sent = transaction.execute(status -> claimed(message) && send(message, target, now));
            if (!Boolean.TRUE.equals(sent)) {
                blocked.add(lane);
            }
        }
    }

    /** Locks the message for this instance; another instance working the same outbox skips it. */
    private boolean claimed(Map<String, Object> message) {
        return !jdbc.queryForList("SELECT message_id FROM slack_message WHERE message_id = ? AND state = 'PENDING'"
                + " FOR UPDATE SKIP LOCKED", String.class, message.get("message_id")).isEmpty();
    }

    private boolean send(Map<String, Object> message, String target, Instant now) {
        String id = (String) message.get("message_id");
        String action = (String) message.get("action");
        String text = (String) message.get("text");
        String incidentId = (String) message.get("incident_id");
        try {
            String ts = null;
            if (slack == null) {
                if (action.equals("create_channel")) {
                    saveChannel(incidentId, "recorded-" + text, text);
                }
                complete(id, "RECORDED", null, now);
                return true;
            }
            switch (action) {
                case "create_channel" -> createChannel(incidentId, text);
                case "topic" -> check(slack.conversationsSetTopic(r -> r.channel(target).topic(text)));
                case "post" -> ts = post(id, target, text, null);
                case "summary" -> ts = postSummary(id, incidentId, target, now);
                case "pin" -> {
                    String pinned = jdbc.queryForList("SELECT slack_ts FROM slack_message WHERE message_id = ?",
                            String.class, text).stream().findFirst().orElse(null);
                    if (pinned != null) {
                        var pinnedResponse = slack.pinsAdd(r -> r.channel(target).timestamp(pinned));
                        // a pin whose earlier outcome was lost is already there: done
                        if (!pinnedResponse.isOk() && !"already_pinned".equals(pinnedResponse.getError())) {
                            throw new SlackError("pins.add: " + pinnedResponse.getError());
                        }
                    }
                }
                case "invite" -> check(slack.conversationsInvite(r -> r.channel(target).users(List.of(text))));
                case "dm" -> {
                    String dm = check(slack.conversationsOpen(r -> r.users(List.of(target.substring(3)))))
                            .getChannel().getId();
                    String pageId = (String) message.get("page_id");
                    ts = post(id, dm, text, pageId == null ? null : SlackBlocks.pageDm(text, pageId));
                }
                default -> throw new IllegalStateException("Unknown Slack action " + action);
            }
            complete(id, "SENT", ts, now);
            pace.pace(target, now.plus(settings.minInterval()));
            return true;
        } catch (SlackApiException e) {
            if (e.getResponse().code() == 429) {
                long wait = SlackPace.retryAfterSeconds(e.getResponse().header("Retry-After"));
                pace.pace(target, now.plusSeconds(wait));
                log.info("slack.rate_limited target={} retryAfterSeconds={}", target, wait);
                return false;
            }
            fail(message, "HTTP " + e.getResponse().code() + " " + e.getMessage(), now);
        } catch (SlackError e) {
            fail(message, e.getMessage(), now);
        } catch (org.springframework.dao.DataAccessException e) {
            // our own bookkeeping failed: roll back, the message stays pending for the next round
            throw e;
        } catch (IOException | RuntimeException e) {
            fail(message, e.toString(), now);
        }
        return false;
    }

    /**
     * Posts with the row's id as metadata, unless an earlier attempt of unknown outcome is found in the channel.
     * A refusal (429, ok=false) is a known outcome: nothing was posted, the mark goes.
     */
    private String post(String id, String channel, String text, List<LayoutBlock> blocks)
            throws IOException, SlackApiException {
        if (attempted(id)) {
            String found = findPosted(channel, id);
            if (found != null) {
                log.info("slack.found_after_unknown_outcome message={} channel={} ts={}", id, channel, found);
                return found;
            }
        }
        markAttempt(id, channel);
        ChatPostMessageResponse response;
        try {
            response = slack.chatPostMessage(r -> r.channel(channel).text(text).blocks(blocks)
                    .metadata(new Message.Metadata(METADATA_EVENT_TYPE, Map.of(METADATA_MESSAGE_ID, id))));
        } catch (SlackApiException e) {
            if (e.getResponse().code() == 429) {
                forgetAttempt(id);
            }
            throw e;
        }
        if (!response.isOk()) {
            forgetAttempt(id);
            throw new SlackError(response.getError());
        }
        if (channel.startsWith("#") && response.getChannel() != null) {
            jdbc.update("INSERT INTO slack_channel_ref (name, channel_id) VALUES (?, ?) ON CONFLICT (name)"
                    + " DO UPDATE SET channel_id = excluded.channel_id", channel, response.getChannel());
        }
        return response.getTs();
    }

    /** The pinned summary, rendered from the incident as it is now; its ts is kept for the edits that follow. */
    private String postSummary(String id, String incidentId, String channel, Instant now)
            throws IOException, SlackApiException {
        IncidentSummaries.Current current = summaries.current(incidentId)
                .orElseThrow(() -> new IllegalStateException("No incident " + incidentId + " for its summary"));
        // a summary found after an unknown outcome shows what was current then: the updater edits it to now
        long shown = attempted(id) ? -1 : current.version();
        String ts = post(id, channel, current.summary().fallbackText(), SlackBlocks.summary(current.summary()));
        jdbc.update("""
                INSERT INTO slack_summary (incident_id, message_id, channel_id, ts, rendered_version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO UPDATE SET message_id = excluded.message_id,
                    channel_id = excluded.channel_id, ts = excluded.ts, rendered_version = excluded.rendered_version,
                    updated_at = excluded.updated_at""",
                incidentId, id, channel, ts, shown, Timestamp.from(now));
        return ts;
    }

    private boolean attempted(String id) {
        return !jdbc.queryForList("SELECT 1 FROM slack_attempt WHERE message_id = ?", Integer.class, id).isEmpty();
    }

    /** Committed at once: if this process dies during the call, the next try knows the outcome is unknown. */
    private void markAttempt(String id, String channel) {
        Timestamp now = Timestamp.from(clock.instant());
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                INSERT INTO slack_attempt (message_id, channel_id, started_at) VALUES (?, ?, ?)
                ON CONFLICT (message_id) DO UPDATE SET channel_id = excluded.channel_id, started_at = excluded.started_at""",
                id, channel, now));
    }

    private void forgetAttempt(String id) {
        jdbc.update("DELETE FROM slack_attempt WHERE message_id = ?", id);
    }

    /**
     * The ts of the message carrying this id among the channel's newest messages, or null. When Slack cannot tell
     * (a named channel never posted to successfully, history refused), null too: posting again risks a duplicate,
     * not posting would lose the message.
     */
    private String findPosted(String target, String id) throws IOException, SlackApiException {
        String channel = target.startsWith("#") ? jdbc.queryForList("SELECT channel_id FROM slack_channel_ref"
                + " WHERE name = ?", String.class, target).stream().findFirst().orElse(null) : target;
        if (channel == null) {
            log.warn("slack.lookup_impossible message={} channel={} reason=channel_id_unknown", id, target);
            return null;
        }
        String cursor = null;
        for (int page = 0; page < HISTORY_PAGES; page++) {
            String from = cursor;
            ConversationsHistoryResponse history = slack.conversationsHistory(r -> r.channel(channel)
                    .includeAllMetadata(true).limit(HISTORY_PAGE).cursor(from));
            if (!history.isOk()) {
                log.warn("slack.lookup_impossible message={} channel={} reason={}", id, channel, history.getError());
                return null;
            }
            for (Message m : history.getMessages() == null ? List.<Message>of() : history.getMessages()) {
                Message.Metadata metadata = m.getMetadata();
                if (metadata != null && METADATA_EVENT_TYPE.equals(metadata.getEventType())
                        && metadata.getEventPayload() != null
                        && id.equals(metadata.getEventPayload().get(METADATA_MESSAGE_ID))) {
                    return m.getTs();
                }
            }
            cursor = history.getResponseMetadata() == null ? null : history.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
        }
        return null;
    }

    /** Creates the incident channel; a taken name gets a numbered suffix. */
    private void createChannel(String incidentId, String name) throws IOException, SlackApiException {
        for (int n = 1; n <= 20; n++) {
            String candidate = n == 1 ? name : suffixed(name, n);
            ConversationsCreateResponse response = slack.conversationsCreate(r -> r.name(candidate));
            if (response.isOk()) {
                saveChannel(incidentId, response.getChannel().getId(), candidate);
                return;
            }
            if (!"name_taken".equals(response.getError())) {
                throw new SlackError("conversations.create: " + response.getError());
            }
        }
        throw new SlackError("conversations.create: no free name for " + name);
    }

    static String suffixed(String name, int n) {
        String suffix = "-" + n;
        return (name.length() + suffix.length() <= 80 ? name : name.substring(0, 80 - suffix.length())) + suffix;
    }

    private void saveChannel(String incidentId, String channelId, String name) {
        jdbc.update("INSERT INTO slack_channel (incident_id, channel_id, channel_name) VALUES (?, ?, ?)"
                + " ON CONFLICT (incident_id) DO UPDATE SET channel_id = excluded.channel_id,"
                + " channel_name = excluded.channel_name", incidentId, channelId, name);
    }

    /** The Slack channel (or DM marker) a message goes to; null while the incident channel does not exist yet. */
    private String target(Map<String, Object> message) {
        String target = (String) message.get("target");
        if (!target.equals(SlackOutbox.INCIDENT_CHANNEL)) {
            return target;
        }
        if ("create_channel".equals(message.get("action"))) {
            return "create:" + message.get("incident_id");
        }
        return jdbc.queryForList("SELECT channel_id FROM slack_channel WHERE incident_id = ?", String.class,
                message.get("incident_id")).stream().findFirst().orElse(null);
    }

    private void complete(String id, String state, String ts, Instant now) {
        jdbc.update("UPDATE slack_message SET state = ?, sent_at = ?, slack_ts = ?, attempts = attempts + 1,"
                + " error = NULL WHERE message_id = ?", state, Timestamp.from(now), ts, id);
        forgetAttempt(id);
    }

    private void fail(Map<String, Object> message, String error, Instant now) {
        int attempts = ((Number) message.get("attempts")).intValue() + 1;
        boolean giveUp = attempts >= settings.maxAttempts();
        Duration backoff = Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 8)));
        jdbc.update("UPDATE slack_message SET attempts = ?, error = ?, next_attempt_at = ?, state = ?"
                + " WHERE message_id = ?", attempts, error, Timestamp.from(now.plus(backoff)),
                giveUp ? "FAILED" : "PENDING", message.get("message_id"));
        log.warn("slack.send_failed message={} attempt={} giveUp={} error={}", message.get("message_id"), attempts,
                giveUp, error);
    }

    private static <T extends com.slack.api.methods.SlackApiTextResponse> T check(T response) {
        if (!response.isOk()) {
            throw new SlackError(response.getError());
        }
        return response;
    }

    /** Slack answered ok=false. */
    static final class SlackError extends RuntimeException {
        SlackError(String error) {
            super("slack error: " + error);
        }
    }
}
