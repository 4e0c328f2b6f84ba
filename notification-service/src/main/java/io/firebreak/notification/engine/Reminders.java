package io.firebreak.notification.engine;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Silence is worse than bad news: reminders when an update is overdue (again at the same cadence while it stays
 * overdue; for a Major/Critical incident counted from its declaration until the first update), when a Major/Critical
 * incident has no lead, or a customer-impacting one no comms owner. An overdue update mentions the lead (the declarer
 * while there is none) in the channel and tells them and the comms owner by DM.
 */
@Component
public class Reminders {

    static final String UPDATE_DUE = "UPDATE_DUE";
    static final String LEAD_MISSING = "LEAD_MISSING";
    static final String COMMS_MISSING = "COMMS_MISSING";

    private final JdbcTemplate jdbc;
    private final SlackOutbox slack;
    private final Timers timers;
    private final Responsible responsible;

    public Reminders(JdbcTemplate jdbc, SlackOutbox slack, Timers timers, Responsible responsible) {
        this.jdbc = jdbc;
        this.responsible = responsible;
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
                // updateId|cadence|n, read from the right: an update id is whatever the event carried, '|' included;
                // an empty update id is the clock started at declaration, which runs while no update was posted
                int last = payload.lastIndexOf('|');
                int middle = payload.lastIndexOf('|', last - 1);
                String updateId = payload.substring(0, middle);
                Object lastUpdate = incident.get("last_update_id");
                if (updateId.isEmpty() ? lastUpdate != null : !updateId.equals(lastUpdate)) {
                    return;
                }
                int n = Integer.parseInt(payload.substring(last + 1));
                Responsible.Recipient recipient = responsible.of(incident);
                String text = ":alarm_clock: " + (recipient == null ? "" : recipient.mention() + " ")
                        + (updateId.isEmpty() ? "No update since this " + incident.get("severity").toString()
                                .toLowerCase(Locale.ROOT) + " incident was declared. " : "The next update is overdue. ")
                        + "Post one, even if nothing changed:"
                        + " what is happening, who is affected, what we are doing, when the next update comes.";
                slack.enqueue(timerId, incidentId, SlackOutbox.INCIDENT_CHANNEL, "post", text);
                String dmText = incident.get("reference") + ": " + text;
                Object comms = incident.get("comms_owner_slack");
                if (comms != null) {
                    slack.enqueue(timerId + ":dm", incidentId, "dm:" + comms, "dm", dmText);
                }
                if (recipient != null && recipient.slackUserId() != null && !recipient.slackUserId().equals(comms)) {
                    slack.enqueue(timerId + ":dm-lead", incidentId, "dm:" + recipient.slackUserId(), "dm", dmText);
                }
                long cadence = Long.parseLong(payload.substring(middle + 1, last));
                // the chain's id with its count moved on: update-due:<update id or declared:<incident>>:<n>
                timers.schedule(timerId.substring(0, timerId.lastIndexOf(':') + 1) + (n + 1), UPDATE_DUE, incidentId,
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
