package io.firebreak.notification.readmodel;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.IncidentSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The pinned summary's content, read from the incident row together with the summary version it reflects (one
 * statement, so the version never claims more than the content shows). Blocking JDBC: workers only.
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
        return jdbc.query("""
                SELECT incident_id, reference, title, severity, status, summary, customer_impact, affected_services,
                    lead_name, comms_owner_name, investigator_name, update_audience, update_happening, update_affected,
                    update_doing, update_next_at, update_posted_at, summary_version
                FROM incident WHERE incident_id = ?""", this::row, incidentId).stream().findFirst();
    }

    private Current row(ResultSet rs, int n) throws SQLException {
        String id = rs.getString("incident_id");
        java.sql.Array services = rs.getArray("affected_services");
        IncidentSummary.LatestUpdate latest = rs.getString("update_happening") == null ? null
                : new IncidentSummary.LatestUpdate(rs.getString("update_audience"), rs.getString("update_happening"),
                        rs.getString("update_affected"), rs.getString("update_doing"),
                        instant(rs.getTimestamp("update_next_at")), instant(rs.getTimestamp("update_posted_at")));
        IncidentSummary summary = new IncidentSummary(id, rs.getString("reference"), rs.getString("title"),
                rs.getString("severity"), rs.getString("status"), rs.getString("summary"),
                rs.getBoolean("customer_impact"), services == null ? List.of() : List.of((String[]) services.getArray()),
                rs.getString("lead_name"), rs.getString("comms_owner_name"), rs.getString("investigator_name"), latest,
                incidentUrl + "/api/v1/incidents/" + id);
        return new Current(summary, rs.getLong("summary_version"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
