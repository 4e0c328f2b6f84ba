package io.firebreak.notification.engine;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which incident a Slack channel belongs to: this service created the channel (table {@code slack_channel}). */
@Component
public class SlackIncidentChannels {

    private final JdbcTemplate jdbc;

    public SlackIncidentChannels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An incident as the Slack surface shows it; {@code drill}: it is named "DRILL INC-7" ({@link #shownAs}). */
    public record ChannelIncident(String incidentId, String reference, String title, String status, String channelId,
            boolean drill) {

        /** The reference as people see it: marked DRILL for a drill; "the incident" before it has one. */
        public String shownAs() {
            return (drill ? "DRILL " : "") + (reference == null ? "the incident" : reference);
        }
    }

    public Optional<ChannelIncident> incidentOf(String channelId) {
        if (channelId == null || channelId.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("SELECT i.incident_id, i.reference, i.title, i.status, c.channel_id, i.drill FROM slack_channel c"
                + " JOIN incident i ON i.incident_id = c.incident_id WHERE c.channel_id = ?",
                (rs, n) -> new ChannelIncident(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)), channelId).stream().findFirst();
    }

    public Optional<ChannelIncident> incident(String incidentId) {
        return jdbc.query("SELECT i.incident_id, i.reference, i.title, i.status, c.channel_id, i.drill FROM incident i"
                + " LEFT JOIN slack_channel c ON c.incident_id = i.incident_id WHERE i.incident_id = ?",
                (rs, n) -> new ChannelIncident(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)), incidentId).stream().findFirst();
    }
}
