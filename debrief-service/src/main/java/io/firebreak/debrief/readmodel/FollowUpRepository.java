package io.firebreak.debrief.readmodel;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Follow-up actions: people's commitments, kept outside the replayable projection. Blocking. */
@Repository
public class FollowUpRepository {

    private final JdbcTemplate jdbc;

    public FollowUpRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(FollowUp f) {
        jdbc.update("""
                INSERT INTO follow_up (follow_up_id, incident_id, title, owner, due_date, priority, external_url, status,
                    created_at, updated_at, created_by_id, created_by_name, updated_by_id, updated_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                f.id(), f.incidentId(), f.title(), f.owner(), f.dueDate() == null ? null : Date.valueOf(f.dueDate()),
                f.priority(), f.externalUrl(), f.status(), Timestamp.from(f.createdAt()), Timestamp.from(f.updatedAt()),
                f.createdBy().id(), f.createdBy().name(), f.updatedBy().id(), f.updatedBy().name());
    }

    /**
     * Changes status and/or owner (null: unchanged) as {@code by}. Every nullable parameter is cast: PostgreSQL
     * cannot infer the type of a bare {@code ? IS NULL} bound to null (the 500 of a PATCH with only an owner).
     */
    public void update(String id, String status, String owner, Person by, Instant at) {
        jdbc.update("""
                UPDATE follow_up SET status = coalesce(CAST(? AS TEXT), status), owner = coalesce(CAST(? AS TEXT), owner),
                    updated_at = ?, updated_by_id = ?, updated_by_name = ?,
                    completed_at = CASE WHEN CAST(? AS TEXT) = 'completed' THEN coalesce(completed_at, ?)
                                        WHEN CAST(? AS TEXT) IS NULL THEN completed_at ELSE NULL END
                WHERE follow_up_id = ?""", status, owner, Timestamp.from(at), by.id(), by.name(), status,
                Timestamp.from(at), status, id);
    }

    /** Records the Linear issue a follow-up became. */
    public void linkToLinear(String id, LinearIssue issue) {
        jdbc.update("UPDATE follow_up SET linear_issue_id = ?, linear_identifier = ?, linear_url = ? WHERE follow_up_id = ?",
                issue.id(), issue.identifier(), issue.url(), id);
    }

    public Optional<FollowUp> findByLinearIssue(String linearIssueId, LocalDate today) {
        return jdbc.query("SELECT * FROM follow_up WHERE linear_issue_id = ?", (rs, n) -> map(rs, today), linearIssueId)
                .stream().findFirst();
    }

    public Optional<FollowUp> find(String id, LocalDate today) {
        return jdbc.query("SELECT * FROM follow_up WHERE follow_up_id = ?", (rs, n) -> map(rs, today), id).stream()
                .findFirst();
    }

    public List<FollowUp> search(String incidentId, String status, Boolean overdue, LocalDate today) {
        StringBuilder sql = new StringBuilder("SELECT * FROM follow_up WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (incidentId != null) {
            sql.append(" AND incident_id = ?");
            args.add(incidentId);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        if (Boolean.TRUE.equals(overdue)) {
            sql.append(" AND status = 'outstanding' AND due_date < ?");
            args.add(Date.valueOf(today));
        }
        sql.append(" ORDER BY due_date NULLS LAST, created_at");
        return jdbc.query(sql.toString(), (rs, n) -> map(rs, today), args.toArray());
    }

    public List<FollowUp> createdBetween(Instant from, Instant to, LocalDate today) {
        return jdbc.query("SELECT * FROM follow_up WHERE created_at >= ? AND created_at < ?", (rs, n) -> map(rs, today),
                Timestamp.from(from), Timestamp.from(to));
    }

    private static FollowUp map(ResultSet rs, LocalDate today) throws SQLException {
        Date due = rs.getDate("due_date");
        Timestamp completed = rs.getTimestamp("completed_at");
        String status = rs.getString("status");
        LocalDate dueDate = due == null ? null : due.toLocalDate();
        return new FollowUp(rs.getString("follow_up_id"), rs.getString("incident_id"), rs.getString("title"),
                rs.getString("owner"), dueDate, rs.getString("priority"), rs.getString("external_url"), status,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                completed == null ? null : completed.toInstant(),
                "outstanding".equals(status) && dueDate != null && dueDate.isBefore(today),
                Person.of(rs.getString("created_by_id"), rs.getString("created_by_name")),
                Person.of(rs.getString("updated_by_id"), rs.getString("updated_by_name")),
                rs.getString("linear_issue_id") == null ? null : new LinearIssue(rs.getString("linear_issue_id"),
                        rs.getString("linear_identifier"), rs.getString("linear_url")));
    }
}
