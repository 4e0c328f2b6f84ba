package io.firebreak.statuspage.subscribers.storage;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.domain.PublicLanguage;
import io.firebreak.statuspage.domain.PublicText;
import io.firebreak.statuspage.readmodel.ComponentCatalog;
import io.firebreak.statuspage.subscribers.domain.IncidentFacts;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what the page stores about an incident (readmodel's tables: {@code incident.name} is the public title,
 * {@code incident_update} the customer-visible entries) as {@link IncidentFacts}, redacted as the page renders it.
 */
@Component
public class IncidentFactsReader {

    private final JdbcTemplate jdbc;
    private final ComponentCatalog catalog;

    public IncidentFactsReader(JdbcTemplate jdbc, ComponentCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** An incident, with public components, what it may be mailed about, and whether it is a drill. */
    public record Incident(IncidentFacts facts, List<String> componentIds, boolean drill, boolean published) {
    }

    public Optional<Incident> read(String incidentId) {
        List<Incident> rows = jdbc.query("""
                SELECT i.name, i.status, i.created_at, i.resolved_at, i.affected_services, i.drill, i.published,
                       (SELECT u.body FROM incident_update u WHERE u.incident_id = i.incident_id
                        ORDER BY u.created_at DESC, u.update_id DESC LIMIT 1),
                       (SELECT w.what_you_can_do FROM incident_workaround w WHERE w.incident_id = i.incident_id)
                FROM incident i WHERE i.incident_id = ?""", (rs, n) -> {
            List<StatusPageProperties.Component> components = catalog.affectedBy(
                    new LinkedHashSet<>(Arrays.asList(rs.getString(5).split("\n"))));
            Timestamp resolved = rs.getTimestamp(4);
            IncidentFacts facts = new IncidentFacts(incidentId, PublicText.redact(rs.getString(1)),
                    PublicLanguage.incidentStatus(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                    resolved == null ? null : resolved.toInstant(),
                    components.stream().map(c -> PublicText.redact(c.getName())).toList(),
                    PublicText.redact(rs.getString(8)), PublicText.redact(rs.getString(9)));
            return new Incident(facts, components.stream().map(StatusPageProperties.Component::getId).toList(),
                    rs.getBoolean(6), rs.getBoolean(7));
        }, incidentId);
        return rows.stream().findFirst();
    }

    /** The same incident, with the status and text of one of its update rows (the one a notice is about). */
    public Optional<Incident> readAt(String incidentId, String updateId) {
        List<String[]> update = jdbc.query("SELECT status, body FROM incident_update WHERE update_id = ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, updateId);
        return read(incidentId).map(incident -> update.isEmpty() ? incident : new Incident(new IncidentFacts(
                incidentId, incident.facts().title(), update.get(0)[0], incident.facts().startedAt(),
                incident.facts().resolvedAt(), incident.facts().components(), PublicText.redact(update.get(0)[1]),
                incident.facts().whatYouCanDo()), incident.componentIds(), incident.drill(), incident.published()));
    }
}
