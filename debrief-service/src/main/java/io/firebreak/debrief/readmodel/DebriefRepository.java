package io.firebreak.debrief.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Reads of the projection and of what people wrote. Blocking: call from the blocking scheduler. */
@Repository
public class DebriefRepository {

    private static final String INCIDENT = """
            SELECT i.*, c.completed_at AS debrief_completed_at, c.no_follow_up_reason, m.acknowledged_at AS paged_ack_at
            FROM incident i
            LEFT JOIN debrief_completion c ON c.incident_id = i.incident_id
            LEFT JOIN paging_milestone m ON m.incident_id = i.incident_id""";

    private final JdbcTemplate jdbc;
    private final RowMapper<IncidentRecord> incidents = this::incident;

    public DebriefRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<IncidentRecord> incident(String incidentId) {
        return jdbc.query(INCIDENT + " WHERE i.incident_id = ?", incidents, incidentId).stream().findFirst();
    }

    /** Every incident declared in [from, to), drills too (the caller decides whether they count). */
    public List<IncidentRecord> declaredBetween(Instant from, Instant to) {
        return jdbc.query(INCIDENT + " WHERE i.declared_at >= ? AND i.declared_at < ? ORDER BY i.declared_at", incidents,
                Timestamp.from(from), Timestamp.from(to));
    }

    public List<IncidentRecord> resolvedOrCompleted() {
        return jdbc.query(INCIDENT + " WHERE i.resolved_at IS NOT NULL OR c.completed_at IS NOT NULL"
                + " ORDER BY i.resolved_at DESC NULLS LAST", incidents);
    }

    /**
     * Debriefs matching a web-search style query ({@code websearch_to_tsquery}: words, "quoted phrases", {@code or},
     * {@code -excluded}), best first. Candidates come from the expression indexes of V6; the rank weighs the title
     * (A) over the summary and written sections (B), the follow-up titles (C) and the notes (D).
     */
    public List<SearchHit> search(String query) {
        return jdbc.query("""
                WITH q AS (SELECT websearch_to_tsquery('english', ?) AS query),
                hits AS (
                    SELECT incident_id FROM incident, q
                        WHERE to_tsvector('english', title || ' ' || summary) @@ q.query
                    UNION SELECT incident_id FROM debrief_section, q WHERE to_tsvector('english', text) @@ q.query
                    UNION SELECT incident_id FROM timeline_entry, q
                        WHERE kind <> 'UPDATE' AND to_tsvector('english', text) @@ q.query
                    UNION SELECT incident_id FROM follow_up, q WHERE to_tsvector('english', title) @@ q.query),
                ranked AS (
                    SELECT h.incident_id, ts_rank(
                        setweight(to_tsvector('english', i.title), 'A')
                        || setweight(to_tsvector('english', i.summary), 'B')
                        || setweight(to_tsvector('english', coalesce((SELECT string_agg(s.text, ' ')
                            FROM debrief_section s WHERE s.incident_id = h.incident_id), '')), 'B')
                        || setweight(to_tsvector('english', coalesce((SELECT string_agg(f.title, ' ')
                            FROM follow_up f WHERE f.incident_id = h.incident_id), '')), 'C')
                        || setweight(to_tsvector('english', coalesce((SELECT string_agg(t.text, ' ')
                            FROM timeline_entry t WHERE t.incident_id = h.incident_id AND t.kind <> 'UPDATE'), '')), 'D'),
                        q.query) AS rank
                    FROM hits h JOIN incident i ON i.incident_id = h.incident_id, q)
                SELECT i.*, c.completed_at AS debrief_completed_at, c.no_follow_up_reason,
                    m.acknowledged_at AS paged_ack_at, r.rank AS search_rank
                FROM ranked r JOIN incident i ON i.incident_id = r.incident_id
                LEFT JOIN debrief_completion c ON c.incident_id = i.incident_id
                LEFT JOIN paging_milestone m ON m.incident_id = i.incident_id
                WHERE i.resolved_at IS NOT NULL OR c.completed_at IS NOT NULL
                ORDER BY r.rank DESC, i.resolved_at DESC NULLS LAST
                LIMIT 200""",
                (rs, n) -> new SearchHit(incident(rs, n), rs.getDouble("search_rank")), query);
    }

    public List<TimelineEntry> timeline(String incidentId) {
        return jdbc.query("""
                SELECT t.*, c.lever, c.outcome, c.note FROM timeline_entry t
                LEFT JOIN containment_step c ON c.event_id = t.event_id
                WHERE t.incident_id = ? ORDER BY t.occurred_at, t.sequence NULLS LAST, t.event_id""", (rs, n) ->
                new TimelineEntry((Long) rs.getObject("sequence"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("actor_kind"),
                        rs.getString("kind"), rs.getString("text"), rs.getString("event_id"),
                        rs.getString("lever") == null ? null : new TimelineEntry.Containment(rs.getString("lever"),
                                rs.getString("outcome"), rs.getString("note"))), incidentId);
    }

    /** The sections people wrote, by section id. */
    public Map<String, EditedSection> editedSections(String incidentId) {
        Map<String, EditedSection> sections = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM debrief_section WHERE incident_id = ?",
                rs -> {
                    EditedSection section = editedSection(rs);
                    sections.put(section.section(), section);
                }, incidentId);
        return sections;
    }

    /** Saves a section as {@code editor} wrote it; a later edit replaces it, later events never do. */
    public EditedSection saveSection(String incidentId, String section, String text, Person editor, Instant at) {
        return jdbc.queryForObject("""
                INSERT INTO debrief_section (incident_id, section, text, edited_at, edited_by_id, edited_by_name)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (incident_id, section) DO UPDATE SET text = excluded.text, edited_at = excluded.edited_at,
                    edited_by_id = excluded.edited_by_id, edited_by_name = excluded.edited_by_name
                RETURNING *""", (rs, n) -> editedSection(rs), incidentId, section, text, Timestamp.from(at),
                editor.id(), editor.name());
    }

    private static EditedSection editedSection(ResultSet rs) throws SQLException {
        return new EditedSection(rs.getString("incident_id"), rs.getString("section"), rs.getString("text"),
                instant(rs, "edited_at"), Person.of(rs.getString("edited_by_id"), rs.getString("edited_by_name")));
    }

    private IncidentRecord incident(ResultSet rs, int row) throws SQLException {
        Map<String, String> roles = new LinkedHashMap<>();
        for (String line : rs.getString("roles").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                roles.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new IncidentRecord(rs.getString("incident_id"), rs.getString("reference"), rs.getString("title"),
                rs.getString("summary"), rs.getString("severity"), rs.getString("reported_severity"),
                rs.getString("status"), rs.getBoolean("customer_impact"), rs.getString("affected_services"),
                rs.getString("channel_name"), roles, rs.getString("resolution"), rs.getString("debrief_url"),
                instant(rs, "detected_at"), instant(rs, "declared_at"), instant(rs, "paged_ack_at"),
                instant(rs, "first_update_at"), instant(rs, "mitigated_at"), instant(rs, "resolved_at"),
                instant(rs, "closed_at"), instant(rs, "debrief_completed_at"), rs.getString("no_follow_up_reason"),
                rs.getString("incident_type"), rs.getBoolean("drill"), rs.getString("cause"),
                instant(rs, "identified_at"), instant(rs, "contained_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
