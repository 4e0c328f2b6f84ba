package io.firebreak.notification.delivery;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.engine.SlackOutbox;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the Slack outbox in order, per target: about one message a second per channel, {@code Retry-After}
 * honoured on 429, transient errors retried with back-off, nothing dropped. Without a bot token every message is
 * recorded instead of sent, so the local stack works without Slack.
 */
@Component
public class SlackSender {

    private static final Logger log = LoggerFactory.getLogger(SlackSender.class);

    private final JdbcTemplate jdbc;
    private final NotificationProperties.Slack settings;
    private final MethodsClient slack;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public SlackSender(JdbcTemplate jdbc, NotificationProperties properties, Slack slack, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.settings = properties.slack();
        this.slack = settings.enabled() ? slack.methods(settings.botToken()) : null;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${firebreak.notification.slack.poll-interval:200ms}")
    public synchronized void sendDue() {
        Instant now = clock.instant();
        List<Map<String, Object>> due = jdbc.queryForList("SELECT * FROM slack_message WHERE state = 'PENDING'"
                + " ORDER BY position LIMIT 200");
        Set<String> blocked = new HashSet<>();
        for (Map<String, Object> message : due) {
            String lane = message.get("incident_id") + "|" + message.get("target");
            if (blocked.contains(lane)) {
                continue;
            }
            if (((Timestamp) message.get("next_attempt_at")).toInstant().isAfter(now)) {
                blocked.add(lane);
                continue;
            }
            String target = target(message);
            if (target == null || paced(target, now)) {
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
                case "post" -> ts = post(target, text);
                case "pin" -> {
                    String pinned = jdbc.queryForList("SELECT slack_ts FROM slack_message WHERE message_id = ?",
                            String.class, text).stream().findFirst().orElse(null);
                    if (pinned != null) {
                        check(slack.pinsAdd(r -> r.channel(target).timestamp(pinned)));
                    }
                }
                case "invite" -> check(slack.conversationsInvite(r -> r.channel(target).users(List.of(text))));
                case "dm" -> {
                    String dm = check(slack.conversationsOpen(r -> r.users(List.of(target.substring(3)))))
                            .getChannel().getId();
                    ts = post(dm, text);
                }
                default -> throw new IllegalStateException("Unknown Slack action " + action);
            }
            complete(id, "SENT", ts, now);
            pace(target, now.plus(settings.minInterval()));
            return true;
        } catch (SlackApiException e) {
            if (e.getResponse().code() == 429) {
                long wait = parseRetryAfter(e.getResponse().header("Retry-After"));
                pace(target, now.plusSeconds(wait));
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

    private String post(String channel, String text) throws IOException, SlackApiException {
        ChatPostMessageResponse response = check(slack.chatPostMessage(r -> r.channel(channel).text(text)));
        return response.getTs();
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

    private boolean paced(String target, Instant now) {
        return jdbc.queryForList("SELECT next_allowed_at FROM slack_pace WHERE target = ?", Timestamp.class, target)
                .stream().anyMatch(t -> t.toInstant().isAfter(now));
    }

    private void pace(String target, Instant next) {
        jdbc.update("INSERT INTO slack_pace (target, next_allowed_at) VALUES (?, ?) ON CONFLICT (target)"
                + " DO UPDATE SET next_allowed_at = excluded.next_allowed_at", target, Timestamp.from(next));
    }

    private void complete(String id, String state, String ts, Instant now) {
        jdbc.update("UPDATE slack_message SET state = ?, sent_at = ?, slack_ts = ?, attempts = attempts + 1,"
                + " error = NULL WHERE message_id = ?", state, Timestamp.from(now), ts, id);
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

    private static long parseRetryAfter(String header) {
        try {
            return header == null ? 1 : Math.max(1, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
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
