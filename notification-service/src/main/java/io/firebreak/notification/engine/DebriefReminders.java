package io.firebreak.notification.engine;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.SlackText;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Overdue debriefs (issue 16, item 3; docs/process.md#debriefs): a Major or Critical incident resolved longer than
 * {@code firebreak.notification.debrief.overdue-after} ago whose DebriefCompleted has not arrived is announced to its
 * lead (DM) and in the incidents channel, then again every {@code repeat-every} until the debrief is completed, the
 * incident closed or reopened. Each announcement is a durable timer ({@code timer}, claimed with SKIP LOCKED by
 * {@code TimerWorker}) that queues its messages and the next timer in one transaction: two instances never announce
 * twice, and a restart loses nothing.
 */
@Component
public class DebriefReminders {

    static final String DEBRIEF_OVERDUE = "DEBRIEF_OVERDUE";
    /** The severities whose debrief is required (debrief-service's FULL and SHORT forms). */
    static final Set<String> REQUIRED = Set.of("MAJOR", "CRITICAL");

    private static final Logger log = LoggerFactory.getLogger(DebriefReminders.class);

    private final JdbcTemplate jdbc;
    private final SlackOutbox slack;
    private final Timers timers;
    private final Responsible responsible;
    private final NotificationProperties properties;

    public DebriefReminders(JdbcTemplate jdbc, SlackOutbox slack, Timers timers, Responsible responsible,
            NotificationProperties properties) {
        this.jdbc = jdbc;
        this.slack = slack;
        this.timers = timers;
        this.responsible = responsible;
        this.properties = properties;
    }

    public boolean handles(String kind) {
        return DEBRIEF_OVERDUE.equals(kind);
    }

    /** On resolution: the first announcement is due {@code overdue-after} after the incident was resolved. */
    void resolved(String incidentId, String resolveEventId, String severity, Instant resolvedAt) {
        timers.cancel(incidentId, DEBRIEF_OVERDUE);
        if (REQUIRED.contains(severity) && !completed(incidentId)) {
            timers.schedule("debrief-overdue:" + resolveEventId + ":1", DEBRIEF_OVERDUE, incidentId,
                    resolvedAt.plus(properties.debrief().overdueAfter()), resolvedAt.toString());
        }
    }

    /** Reopened or closed: nothing more to announce (a new resolution starts the count again). */
    void stopped(String incidentId) {
        timers.cancel(incidentId, DEBRIEF_OVERDUE);
    }

    /** A DebriefCompleted arrived: kept (the first of an incident), and no more announcements. */
    public void completed(String incidentId, String eventId, String debriefUrl, Instant completedAt) {
        jdbc.update("INSERT INTO debrief_completion (incident_id, event_id, debrief_url, completed_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (incident_id) DO NOTHING", incidentId, eventId, debriefUrl,
                Timestamp.from(completedAt));
        timers.cancel(incidentId, DEBRIEF_OVERDUE);
        log.info("debrief.completed incident={} event={}", incidentId, eventId);
    }

    /** Fires a due announcement (payload: when the incident was resolved); the timer id ends with its count. */
    public void fire(String timerId, String incidentId, String payload, Instant now) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM incident WHERE incident_id = ?", incidentId);
        if (rows.isEmpty() || !"RESOLVED".equals(rows.get(0).get("status")) || completed(incidentId)
                || !REQUIRED.contains(rows.get(0).get("severity"))) {
            return;
        }
        Map<String, Object> incident = rows.get(0);
        Instant resolvedAt = Instant.parse(payload);
        Responsible.Recipient lead = responsible.of(incident);
        String text = ":hourglass: Debrief overdue: *" + incident.get("reference") + "* " + incident.get("title") + " ("
                + SlackText.words((String) incident.get("severity")) + ") was resolved " + ago(resolvedAt, now)
                + " ago and its debrief is not completed yet" + (lead == null ? "" : "; " + lead.mention()
                        + " please complete it") + ". <#" + incident.get("channel_name") + ">";
        slack.enqueue(timerId + ":incidents", incidentId, "#" + properties.slack().incidentsChannel(), "post", text);
        if (lead != null && lead.slackUserId() != null) {
            slack.enqueue(timerId + ":dm", incidentId, "dm:" + lead.slackUserId(), "dm", text);
        }
        int n = Integer.parseInt(timerId.substring(timerId.lastIndexOf(':') + 1));
        timers.schedule(timerId.substring(0, timerId.lastIndexOf(':') + 1) + (n + 1), DEBRIEF_OVERDUE, incidentId,
                now.plus(properties.debrief().repeatEvery()), payload);
        log.info("debrief.overdue_announced incident={} count={}", incidentId, n);
    }

    private boolean completed(String incidentId) {
        return !jdbc.queryForList("SELECT 1 FROM debrief_completion WHERE incident_id = ?", Integer.class, incidentId)
                .isEmpty();
    }

    /** "49 hours", "3 days" */
    private static String ago(Instant since, Instant now) {
        Duration elapsed = Duration.between(since, now);
        return elapsed.toHours() < 72 ? elapsed.toHours() + " hours" : elapsed.toDays() + " days";
    }
}
