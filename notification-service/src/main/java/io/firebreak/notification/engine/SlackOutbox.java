package io.firebreak.notification.engine;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues Slack work durably. Each row's id is (event id, action), so redelivered events queue nothing twice;
 * the sender works through them in order, per target, at Slack's pace.
 */
@Component
public class SlackOutbox {

    /** The incident's own channel; resolved to its id once created. */
    public static final String INCIDENT_CHANNEL = "incident";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SlackOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param action create_channel, topic, post, summary (the pinned summary, rendered when sent), pin, invite or dm */
    public void enqueue(String messageId, String incidentId, String target, String action, String text) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO slack_message (message_id, incident_id, target, action, text, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""",
                messageId, incidentId, target, action, text, now, now);
    }

    /** A page DM to a Slack user: its Acknowledge button carries the page id. */
    public void enqueuePageDm(String messageId, String incidentId, String slackUserId, String text, String pageId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO slack_message (message_id, incident_id, target, action, text, page_id, next_attempt_at,
                    created_at) VALUES (?, ?, ?, 'dm', ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""",
                messageId, incidentId, "dm:" + slackUserId, text, pageId, now, now);
    }
}
