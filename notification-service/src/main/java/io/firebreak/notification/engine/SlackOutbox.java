package io.firebreak.notification.engine;

import io.firebreak.notification.domain.IncidentMarks;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues Slack work durably. Each row's id is (event id, action), so redelivered events queue nothing twice;
 * the sender works through them in order, per target, at Slack's pace. Every post, DM and topic of a drill starts
 * with DRILL (issue 16: everything a drill shows says so), here, so no message of a drill can forget it.
 */
@Component
public class SlackOutbox {

    /** The incident's own channel; resolved to its id once created. */
    public static final String INCIDENT_CHANNEL = "incident";

    /** What people read; the other actions carry a channel name, a user id or a message id. */
    private static final Set<String> READ = Set.of("post", "dm", "topic");

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
                messageId, incidentId, target, action, marked(incidentId, action, text), now, now);
    }

    /** A page DM to a Slack user: its Acknowledge button carries the page id. */
    public void enqueuePageDm(String messageId, String incidentId, String slackUserId, String text, String pageId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO slack_message (message_id, incident_id, target, action, text, page_id, next_attempt_at,
                    created_at) VALUES (?, ?, ?, 'dm', ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""",
                messageId, incidentId, "dm:" + slackUserId, marked(incidentId, "dm", text), pageId, now, now);
    }

    private String marked(String incidentId, String action, String text) {
        if (incidentId == null || !READ.contains(action) || !drill(incidentId)) {
            return text;
        }
        return (action.equals("topic") ? IncidentMarks.TOPIC_DRILL : IncidentMarks.SLACK_DRILL) + text;
    }

    private boolean drill(String incidentId) {
        return jdbc.queryForList("SELECT drill FROM incident WHERE incident_id = ?", Boolean.class, incidentId).stream()
                .anyMatch(Boolean.TRUE::equals);
    }
}
