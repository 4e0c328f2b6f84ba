package io.firebreak.command.readmodel;

import io.firebreak.command.api.ContainmentLever;
import io.firebreak.command.api.IncidentSource;
import io.firebreak.command.api.IncidentStatus;
import io.firebreak.command.api.IncidentType;
import io.firebreak.command.api.Severity;
import io.firebreak.command.readmodel.IncidentView.ContainmentStep;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Queries over {@code incident_view}. Blocking: call from the blocking scheduler. */
@Repository
public class IncidentViewRepository {

    private static final List<String> OPEN = List.of(IncidentStatus.INVESTIGATING.name(),
            IncidentStatus.FIXING.name(), IncidentStatus.MONITORING.name());

    private final JdbcTemplate jdbc;
    private final IncidentViewJson json;
    private final RowMapper<IncidentView> rowMapper = this::map;

    public IncidentViewRepository(JdbcTemplate jdbc, IncidentViewJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<IncidentView> findById(String incidentId) {
        return jdbc.query("SELECT * FROM incident_view WHERE incident_id = ?", rowMapper, incidentId)
                .stream().findFirst();
    }

    public Optional<IncidentView> findByReference(String reference) {
        return jdbc.query("SELECT * FROM incident_view WHERE reference = ?", rowMapper, reference)
                .stream().findFirst();
    }

    /** Every incident not yet resolved, newest first (a handful at any time). */
    public List<IncidentView> openIncidents() {
        return jdbc.query("SELECT * FROM incident_view WHERE status IN (?, ?, ?) ORDER BY declared_at DESC",
                rowMapper, OPEN.toArray());
    }

    /**
     * The incident with the fingerprint of the declaration request that created it (null unless it came with an
     * idempotency key), in one read: what a retried declaration needs.
     */
    public Optional<Fingerprinted> findWithFingerprint(String incidentId) {
        return jdbc.query("SELECT * FROM incident_view WHERE incident_id = ?",
                (rs, row) -> new Fingerprinted(map(rs, row), rs.getString("request_fingerprint")), incidentId)
                .stream().findFirst();
    }

    /** An incident and the fingerprint of the request that declared it. */
    public record Fingerprinted(IncidentView view, String requestFingerprint) {
    }

    public Page search(IncidentSearch search) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (search.status() != null) {
            where.append(" AND status = ?");
            args.add(search.status().name());
        }
        if (search.severity() != null) {
            where.append(" AND severity = ?");
            args.add(search.severity().name());
        }
        if (search.type() != null) {
            where.append(" AND incident_type = ?");
            args.add(search.type().name());
        }
        if (search.drill() != null) {
            where.append(" AND drill = ?");
            args.add(search.drill());
        }
        if (Boolean.TRUE.equals(search.open())) {
            where.append(" AND status IN (?, ?, ?)");
            args.addAll(OPEN);
        } else if (Boolean.FALSE.equals(search.open())) {
            where.append(" AND status NOT IN (?, ?, ?)");
            args.addAll(OPEN);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM incident_view" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(search.size());
        pageArgs.add((long) search.page() * search.size());
        List<IncidentView> items = jdbc.query("SELECT * FROM incident_view" + where
                + " ORDER BY declared_at DESC, incident_id LIMIT ? OFFSET ?", rowMapper, pageArgs.toArray());
        return new Page(items, search.page(), search.size(), total == null ? 0 : total);
    }

    /** Filters of the dashboard list; null means "any". */
    public record IncidentSearch(IncidentStatus status, Severity severity, Boolean open, IncidentType type,
            Boolean drill, int page, int size) {
    }

    public record Page(List<IncidentView> items, int page, int size, long total) {
    }

    private IncidentView map(ResultSet rs, int row) throws SQLException {
        return new IncidentView(
                rs.getString("incident_id"),
                rs.getString("reference"),
                rs.getString("title"),
                rs.getString("summary"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("reported_severity"),
                IncidentStatus.valueOf(rs.getString("status")),
                rs.getBoolean("customer_impact"),
                json.readServices(rs.getString("affected_services")),
                IncidentSource.valueOf(rs.getString("source")),
                rs.getString("source_key"),
                rs.getString("channel_name"),
                instant(rs, "detected_at"),
                instant(rs, "declared_at"),
                instant(rs, "updated_at"),
                instant(rs, "mitigated_at"),
                instant(rs, "resolved_at"),
                instant(rs, "closed_at"),
                rs.getString("resolution"),
                rs.getString("debrief_url"),
                json.readRoles(rs.getString("roles")),
                json.readLatestUpdate(rs.getString("latest_update")),
                instant(rs, "next_update_at"),
                IncidentType.valueOf(rs.getString("incident_type")),
                rs.getBoolean("drill"),
                json.readExposure(rs.getString("suspected_exposure")),
                json.readPersons(rs.getString("investigators")),
                checklist(rs.getString("containment")),
                instant(rs, "contained_at"),
                instant(rs, "identified_at"),
                rs.getString("cause"),
                rs.getString("video_bridge_url"),
                new IncidentView.StatusPage((Boolean) rs.getObject("status_page_published"),
                        rs.getBoolean("status_page_hidden"), rs.getString("public_title"),
                        rs.getString("public_message"), json.readComponents(rs.getString("public_components")),
                        instant(rs, "customer_email_sent_at")),
                rs.getLong("version"));
    }

    /** Every lever in the policies' order: its latest record, or pending. */
    private List<ContainmentStep> checklist(String column) {
        var recorded = json.readContainment(column);
        List<ContainmentStep> steps = new ArrayList<>();
        for (ContainmentLever lever : ContainmentLever.values()) {
            steps.add(recorded.getOrDefault(lever, ContainmentStep.notRecorded(lever)));
        }
        return steps;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
