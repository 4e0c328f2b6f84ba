package io.firebreak.command.readmodel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which incidents have a completed debrief, as debrief-service announced on {@code firebreak.debrief-events}: the
 * gate a Major or Critical incident passes to close. Idempotent: the first completion per incident is kept.
 */
@Repository
public class DebriefCompletions {

    private final JdbcTemplate jdbc;

    public DebriefCompletions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a completion; false when the incident already had one (a replay or a second completion). */
    public boolean record(String incidentId, String eventId, String reference, String debriefUrl, Instant completedAt) {
        return jdbc.update("INSERT INTO debrief_completion (incident_id, event_id, reference, debrief_url, completed_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO NOTHING",
                incidentId, eventId, reference, debriefUrl, Timestamp.from(completedAt)) == 1;
    }

    /** The URL of the incident's completed debrief, if debrief-service has announced one. */
    public Optional<String> debriefUrl(String incidentId) {
        return jdbc.queryForList("SELECT debrief_url FROM debrief_completion WHERE incident_id = ?", String.class,
                incidentId).stream().findFirst();
    }
}
