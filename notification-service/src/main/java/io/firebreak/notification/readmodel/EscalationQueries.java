package io.firebreak.notification.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads escalations and notifications for the API. Blocking JDBC: call it off the event loop. */
@Repository
public class EscalationQueries {

    private final JdbcTemplate jdbc;

    public EscalationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The incident's escalation, or empty when it was never paged. An incident paged only by hand shows its pages
     * with state {@code NONE} (no escalation running).
     */
    public Optional<EscalationView> escalation(String incidentId) {
        Optional<EscalationView> escalation = escalationRow(incidentId);
        if (escalation.isPresent()) {
            return escalation;
        }
        List<EscalationView.Page> pages = pages(incidentId);
        return pages.isEmpty() ? Optional.empty()
                : Optional.of(new EscalationView("NONE", 0, 0, null, null, null, incidentId, pages, List.of()));
    }

    private Optional<EscalationView> escalationRow(String incidentId) {
        // the row first, then its pages and timers: no query runs while another's result set is open
        return jdbc.query("""
                SELECT state, level, round, policy, started_at, updated_at FROM escalation WHERE incident_id = ?""",
                (rs, n) -> new Row(rs.getString("state"), rs.getInt("level"), rs.getInt("round"),
                        rs.getString("policy"), instant(rs, "started_at"), instant(rs, "updated_at")),
                incidentId).stream().findFirst()
                .map(row -> new EscalationView(row.state(), row.level(), row.round(), row.policy(), row.startedAt(),
                        row.updatedAt(), incidentId, pages(incidentId), pendingAckTimeouts(incidentId)));
    }

    /**
     * The paging of every incident not closed that has an escalation or a page, newest declaration first: one query
     * (counts and the latest ack per incident in lateral subqueries over the page table's incident index).
     */
    public List<EscalationSummary> openEscalations() {
        return jdbc.query("""
                SELECT i.incident_id, COALESCE(e.state, 'NONE') AS state, ack.acknowledged_by, ack.acknowledged_at,
                       sent.last_paged_at, sent.pages_sent
                FROM incident i
                LEFT JOIN escalation e ON e.incident_id = i.incident_id
                CROSS JOIN LATERAL (SELECT count(*) AS pages_sent, max(p.triggered_at) AS last_paged_at
                                    FROM page p WHERE p.incident_id = i.incident_id) sent
                LEFT JOIN LATERAL (SELECT p.acknowledged_by, p.acknowledged_at FROM page p
                                   WHERE p.incident_id = i.incident_id AND p.state = 'ACKNOWLEDGED'
                                   ORDER BY p.acknowledged_at DESC LIMIT 1) ack ON true
                WHERE i.status <> 'CLOSED' AND (e.incident_id IS NOT NULL OR sent.pages_sent > 0)
                ORDER BY i.declared_at DESC, i.incident_id""",
                (rs, n) -> new EscalationSummary(rs.getString("incident_id"),
                        EscalationState.valueOf(rs.getString("state")), rs.getString("acknowledged_by"),
                        instant(rs, "acknowledged_at"), instant(rs, "last_paged_at"), rs.getInt("pages_sent")));
    }

    /** Every Slack message and page delivery of the incident, in the order they were queued. */
    public NotificationsView notifications(String incidentId) {
        List<NotificationsView.SlackMessage> slack = jdbc.query("""
                SELECT message_id, target, action, text, state, attempts, created_at, sent_at, error
                FROM slack_message WHERE incident_id = ? ORDER BY position""",
                (rs, n) -> new NotificationsView.SlackMessage(rs.getString("message_id"), rs.getString("target"),
                        rs.getString("action"), rs.getString("text"), rs.getString("state"), rs.getInt("attempts"),
                        instant(rs, "created_at"), instant(rs, "sent_at"), rs.getString("error")),
                incidentId);
        List<NotificationsView.PageDelivery> pages = jdbc.query("""
                SELECT d.delivery_id, d.page_id, p.level, p.responder_id, d.channel, d.action, d.state, d.attempts,
                       d.sent_at, d.error
                FROM page_delivery d JOIN page p ON p.page_id = d.page_id WHERE p.incident_id = ?
                ORDER BY p.triggered_at, d.delivery_id""",
                (rs, n) -> new NotificationsView.PageDelivery(rs.getString("delivery_id"), rs.getString("page_id"),
                        rs.getInt("level"), rs.getString("responder_id"), rs.getString("channel"),
                        rs.getString("action"), rs.getString("state"), rs.getInt("attempts"), instant(rs, "sent_at"),
                        rs.getString("error")),
                incidentId);
        List<NotificationsView.ContactDelivery> contacts = jdbc.query("""
                SELECT delivery_id, page_id, person_id, method_id, kind, due_at, state, attempts, sent_at, bundled_into,
                       error
                FROM contact_delivery WHERE incident_id = ? ORDER BY due_at, delivery_id""",
                (rs, n) -> new NotificationsView.ContactDelivery(rs.getString("delivery_id"), rs.getString("page_id"),
                        rs.getString("person_id"), rs.getString("method_id"), rs.getString("kind"),
                        instant(rs, "due_at"), rs.getString("state"), rs.getInt("attempts"), instant(rs, "sent_at"),
                        rs.getString("bundled_into"), rs.getString("error")),
                incidentId);
        return new NotificationsView(incidentId, slack, pages, contacts);
    }

    private List<EscalationView.Page> pages(String incidentId) {
        return jdbc.query("""
                SELECT page_id, level, round, responder_id, responder_name, rotation, state, triggered_at,
                       acknowledged_at, acknowledged_by
                FROM page WHERE incident_id = ? ORDER BY triggered_at, round, level""",
                (rs, n) -> new EscalationView.Page(rs.getString("page_id"), rs.getInt("level"), rs.getInt("round"),
                        rs.getString("responder_id"), rs.getString("responder_name"), rs.getString("rotation"),
                        rs.getString("state"), instant(rs, "triggered_at"), instant(rs, "acknowledged_at"),
                        rs.getString("acknowledged_by")),
                incidentId);
    }

    private List<EscalationView.PendingTimer> pendingAckTimeouts(String incidentId) {
        return jdbc.query("""
                SELECT kind, due_at, payload FROM timer
                WHERE incident_id = ? AND state = 'PENDING' AND kind = 'ACK_TIMEOUT' ORDER BY due_at""",
                (rs, n) -> new EscalationView.PendingTimer(rs.getString("kind"), instant(rs, "due_at"),
                        rs.getString("payload")),
                incidentId);
    }

    private record Row(String state, int level, int round, String policy, Instant startedAt, Instant updatedAt) {
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
