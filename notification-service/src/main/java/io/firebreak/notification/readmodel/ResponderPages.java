package io.firebreak.notification.readmodel;

import io.firebreak.notification.domain.oncall.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The pages of one person. Pages name their responder by the on-call directory's person id; a credential names its
 * person by actor id (API token {@code actor-id}, OIDC subject). There is no separate mapping: the actor id is the
 * person's id, or the person's e-mail (an OIDC subject or token actor id that is an address). Acks are attributed
 * the same way (the credential's actor, {@code PagingController}). Blocking JDBC: call it off the event loop.
 */
@Repository
public class ResponderPages {

    /** Enough for a phone's list; older pages are in each incident's escalation. */
    static final int LIMIT = 100;

    private final JdbcTemplate jdbc;

    public ResponderPages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's pages, newest first (at most {@value #LIMIT}). */
    public List<ResponderPage> of(String actorId) {
        return jdbc.query("""
                SELECT p.page_id, p.incident_id, i.reference, i.title, i.severity, p.triggered_at, p.state,
                       p.acknowledged_at
                FROM page p
                LEFT JOIN incident i ON i.incident_id = p.incident_id
                LEFT JOIN oncall_person op ON op.id = p.responder_id
                WHERE p.responder_id = ? OR lower(op.body ->> 'email') = lower(?)
                ORDER BY p.triggered_at DESC, p.round DESC, p.level DESC, p.page_id
                LIMIT ?""",
                (rs, n) -> {
                    PageState state = PageState.valueOf(rs.getString("state"));
                    String severity = rs.getString("severity");
                    return new ResponderPage(rs.getString("page_id"), rs.getString("incident_id"),
                            rs.getString("reference"), rs.getString("title"),
                            severity == null ? null : Severity.valueOf(severity), instant(rs, "triggered_at"),
                            state == PageState.ACKNOWLEDGED, instant(rs, "acknowledged_at"), state,
                            ResponderPage.ackPath(rs.getString("page_id")));
                },
                actorId, actorId, LIMIT);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
