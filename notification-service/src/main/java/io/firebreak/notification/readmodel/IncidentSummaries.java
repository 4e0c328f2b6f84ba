package io.firebreak.notification.readmodel;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.ContainmentLever;
import io.firebreak.notification.domain.ContainmentOutcome;
import io.firebreak.notification.domain.IncidentSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The pinned summary's content, read from the incident row together with the summary version it reflects (one
 * statement, so the version never claims more than the content shows), and the incident's containment steps.
 * Blocking JDBC: workers only.
 */
@Repository
public class IncidentSummaries {

    /** The summary as of {@code version} of the incident's summary-relevant changes. */
    public record Current(IncidentSummary summary, long version) {
    }

    private final JdbcTemplate jdbc;
    private final String incidentUrl;

    public IncidentSummaries(JdbcTemplate jdbc, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.incidentUrl = properties.incidentUrl();
    }

    public Optional<Current> current(String incidentId) {
        // the steps are read before the row: a step recorded in between bumps the version past the one read here, so
        // the next edit shows it
        List<IncidentSummary.Step> steps = jdbc.query("SELECT lever, outcome, note, recorded_at FROM containment_step"
                + " WHERE incident_id = ? ORDER BY sequence, recorded_at", (rs, n) -> step(rs), incidentId).stream()
                .filter(step -> step != null).toList();
        return jdbc.query("""
                SELECT incident_id, reference, title, severity, status, summary, customer_impact, affected_services,
                    lead_name, comms_owner_name, investigators, update_audience, update_happening, update_affected,
                    update_doing, update_next_at, update_posted_at, summary_version, drill, incident_type,
                    suspected_exposure, video_bridge_url, cause, identified_at, status_page
                FROM incident WHERE incident_id = ?""", (rs, n) -> row(rs, steps), incidentId).stream().findFirst();
    }

    private Current row(ResultSet rs, List<IncidentSummary.Step> steps) throws SQLException {
        String id = rs.getString("incident_id");
        IncidentSummary.LatestUpdate latest = rs.getString("update_happening") == null ? null
                : new IncidentSummary.LatestUpdate(rs.getString("update_audience"), rs.getString("update_happening"),
                        rs.getString("update_affected"), rs.getString("update_doing"),
                        instant(rs.getTimestamp("update_next_at")), instant(rs.getTimestamp("update_posted_at")));
        IncidentSummary summary = new IncidentSummary(id, rs.getString("reference"), rs.getString("title"),
                rs.getString("severity"), rs.getString("status"), rs.getString("summary"),
                rs.getBoolean("customer_impact"), strings(rs, "affected_services"), rs.getString("lead_name"),
                rs.getString("comms_owner_name"), strings(rs, "investigators"), latest,
                incidentUrl + "/api/v1/incidents/" + id,
                new IncidentSummary.Kind(rs.getBoolean("drill"), rs.getString("incident_type"),
                        strings(rs, "suspected_exposure")),
                new IncidentSummary.Progress(steps, rs.getString("cause"), instant(rs.getTimestamp("identified_at")),
                        rs.getString("video_bridge_url")), rs.getString("status_page"));
        return new Current(summary, rs.getLong("summary_version"));
    }

    /** A stored step; null for a lever or outcome this version does not know (a newer writer's), left out. */
    private static IncidentSummary.Step step(ResultSet rs) throws SQLException {
        Optional<ContainmentLever> lever = ContainmentLever.of(rs.getString("lever"));
        Optional<ContainmentOutcome> outcome = ContainmentOutcome.of(rs.getString("outcome"));
        return lever.isEmpty() || outcome.isEmpty() ? null : new IncidentSummary.Step(lever.get(), outcome.get(),
                rs.getString("note"), instant(rs.getTimestamp("recorded_at")));
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.stream((String[]) array.getArray()).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
