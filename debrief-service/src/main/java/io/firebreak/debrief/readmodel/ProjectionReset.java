package io.firebreak.debrief.readmodel;

import java.sql.Array;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Repository;

/**
 * Forgets what the projection derived from one topic for some incidents, so a replay of that topic rebuilds it.
 * Never touches what people wrote (sections, completions, follow-ups), nor any incident not named. Each projected
 * event has a timeline entry under its own event id (sequence NULL for paging events), which is how the dedupe
 * records of exactly these incidents and this topic are found. Blocking; call inside one transaction.
 */
@Repository
public class ProjectionReset {

    private final JdbcTemplate jdbc;

    public ProjectionReset(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every incident the projection holds anything of. */
    public Set<String> knownIncidents() {
        return new HashSet<>(jdbc.queryForList("""
                SELECT incident_id FROM incident
                UNION SELECT incident_id FROM paging_milestone
                UNION SELECT incident_id FROM timeline_entry""", String.class));
    }

    /**
     * Removes what the incident topic gave: the incidents' rows, their event entries, containment steps and dedupe
     * records.
     */
    public void forgetIncidentEvents(Collection<String> incidentIds) {
        if (incidentIds.isEmpty()) {
            return;
        }
        delete("""
                DELETE FROM processed_event p USING timeline_entry t
                WHERE t.event_id = p.event_id AND t.incident_id = ANY (?) AND t.sequence IS NOT NULL""", incidentIds);
        delete("DELETE FROM timeline_entry WHERE incident_id = ANY (?) AND sequence IS NOT NULL", incidentIds);
        delete("DELETE FROM containment_step WHERE incident_id = ANY (?)", incidentIds);
        delete("DELETE FROM incident WHERE incident_id = ANY (?)", incidentIds);
    }

    /** Removes what the paging topic gave: the incidents' paging milestones, page entries and dedupe records. */
    public void forgetPagingEvents(Collection<String> incidentIds) {
        if (incidentIds.isEmpty()) {
            return;
        }
        delete("""
                DELETE FROM processed_event p USING timeline_entry t
                WHERE t.event_id = p.event_id AND t.incident_id = ANY (?) AND t.sequence IS NULL""", incidentIds);
        delete("DELETE FROM timeline_entry WHERE incident_id = ANY (?) AND sequence IS NULL", incidentIds);
        delete("DELETE FROM paging_milestone WHERE incident_id = ANY (?)", incidentIds);
    }

    private void delete(String sql, Collection<String> incidentIds) {
        jdbc.execute(sql, (PreparedStatementCallback<Integer>) statement -> {
            Array ids = statement.getConnection().createArrayOf("varchar", incidentIds.toArray());
            try {
                statement.setArray(1, ids);
                return statement.executeUpdate();
            } finally {
                ids.free();
            }
        });
    }
}
