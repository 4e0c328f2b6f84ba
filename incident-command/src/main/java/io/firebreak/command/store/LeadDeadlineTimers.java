package io.firebreak.command.store;

import io.firebreak.command.api.Events.IncidentDeclared;
import io.firebreak.command.api.Events.RoleAssigned;
import io.firebreak.command.api.IncidentRole;
import io.firebreak.command.readmodel.IncidentViewProjection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The durable lead-deadline timers ({@code lead_deadline}): armed by a declaration without a lead, disarmed by a lead
 * being assigned. The handlers run in the subscribing {@code incident-view} group, so in the command's transaction: a
 * declaration and its timer commit together. Blocking.
 */
@Component
@ProcessingGroup(IncidentViewProjection.GROUP)
public class LeadDeadlineTimers {

    private final JdbcTemplate jdbc;

    public LeadDeadlineTimers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IncidentDeclared event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("INSERT INTO lead_deadline (incident_id, declared_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.incidentId(), Timestamp.from(at));
    }

    @EventHandler
    void on(RoleAssigned event) {
        if (event.role() == IncidentRole.INCIDENT_LEAD) {
            done(event.incidentId());
        }
    }

    /**
     * Locks the oldest timer of an incident declared at or before {@code declaredBefore} that no other transaction
     * holds, until the caller's transaction ends. Call within a transaction.
     */
    public Optional<String> claimDue(Instant declaredBefore) {
        return jdbc.query("""
                SELECT incident_id FROM lead_deadline WHERE declared_at <= ?
                ORDER BY declared_at LIMIT 1 FOR UPDATE SKIP LOCKED""",
                (rs, n) -> rs.getString(1), Timestamp.from(declaredBefore)).stream().findFirst();
    }

    public boolean armed(String incidentId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM lead_deadline WHERE incident_id = ?", Integer.class,
                incidentId);
        return count != null && count > 0;
    }

    public void done(String incidentId) {
        jdbc.update("DELETE FROM lead_deadline WHERE incident_id = ?", incidentId);
    }
}
