package io.firebreak.notification.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Silence is worse than bad news: reminders when an update is overdue (again at the same cadence while it stays
 * overdue), when a Major/Critical incident has no lead, or a customer-impacting one no comms owner.
 */
@Component
public class Reminders {

    static final String UPDATE_DUE = "UPDATE_DUE";
    static final String LEAD_MISSING = "LEAD_MISSING";
    static final String COMMS_MISSING = "COMMS_MISSING";

    private final JdbcTemplate jdbc;
    private final SlackOutbox slack;
    private final Timers timers;

    public Reminders(JdbcTemplate jdbc, SlackOutbox slack, Timers timers) {
        this.jdbc = jdbc;
        this.slack = slack;
        this.timers = timers;
    }

    public boolean handles(String kind) {
        return List.of(UPDATE_DUE, LEAD_MISSING, COMMS_MISSING).contains(kind);
    }

    public void fire(String timerId, String kind, String incidentId, String payload, Instant now) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM incident WHERE incident_id = ?", incidentId);
        if (rows.isEmpty() || List.of("RESOLVED", "CLOSED").contains(rows.get(0).get("status"))) {
            return;
        }
        Map<String, Object> incident = rows.get(0);
        switch (kind) {
            case UPDATE_DUE -> {
                // updateId|cadence|n, read from the right: an update id is whatever the event carried, '|' included
                int last = payload.lastIndexOf('|');
                int middle = payload.lastIndexOf('|', last - 1);
                String updateId = payload.substring(0, middle);
                if (!updateId.equals(incident.get("last_update_id"))) {
                    return;
                }
                int n = Integer.parseInt(payload.substring(last + 1));
                String text = ":alarm_clock: The next update is overdue. Post one, even if nothing changed:"
                        + " what is happening, who is affected, what we are doing, when the next update comes.";
                slack.enqueue(timerId, incidentId, SlackOutbox.INCIDENT_CHANNEL, "post", text);
                Object comms = incident.get("comms_owner_slack");
                if (comms != null) {
                    slack.enqueue(timerId + ":dm", incidentId, "dm:" + comms, "dm", incident.get("reference") + ": " + text);
                }
                long cadence = Long.parseLong(payload.substring(middle + 1, last));
                timers.schedule("update-due:" + updateId + ":" + (n + 1), UPDATE_DUE, incidentId,
                        now.plusSeconds(cadence), updateId + "|" + cadence + "|" + (n + 1));
            }
            case LEAD_MISSING -> {
                if (incident.get("lead_name") == null) {
                    slack.enqueue(timerId, incidentId, SlackOutbox.INCIDENT_CHANNEL, "post",
                            ":raising_hand: This " + incident.get("severity").toString().toLowerCase()
                                    + " incident still has no incident lead. Who is coordinating?");
                }
            }
            case COMMS_MISSING -> {
                if (Boolean.TRUE.equals(incident.get("customer_impact")) && incident.get("comms_owner_name") == null) {
                    slack.enqueue(timerId, incidentId, SlackOutbox.INCIDENT_CHANNEL, "post",
                            ":loudspeaker: Customers are affected and nobody owns communication yet. Assign a comms owner.");
                }
            }
            default -> throw new IllegalArgumentException("Not a reminder: " + kind);
        }
    }
}
