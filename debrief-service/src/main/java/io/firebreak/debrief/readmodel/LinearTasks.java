package io.firebreak.debrief.readmodel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The Linear outbox ({@code linear_sync}) and the webhook deliveries seen. Work is queued in the transaction that
 * changed the follow-up, so a Linear outage loses nothing and never fails the API call; the worker claims one task at a
 * time with {@code FOR UPDATE SKIP LOCKED} (several instances share the queue), in order per follow-up: a move waits
 * for the creation before it, however long that is retried.
 */
@Repository
public class LinearTasks {

    private final JdbcTemplate jdbc;

    public LinearTasks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void enqueue(String followUpId, LinearTask.Action action, String status, Instant at) {
        jdbc.update("INSERT INTO linear_sync (follow_up_id, action, status, next_attempt_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", followUpId, action.name(), status, Timestamp.from(at), Timestamp.from(at));
    }

    /** The next due task whose follow-up has no earlier task pending, locked until the transaction ends. */
    public Optional<LinearTask> claimNext(Instant now) {
        return jdbc.query("""
                SELECT * FROM linear_sync t WHERE t.done_at IS NULL AND t.next_attempt_at <= ?
                    AND NOT EXISTS (SELECT 1 FROM linear_sync e WHERE e.follow_up_id = t.follow_up_id
                        AND e.done_at IS NULL AND e.task_id < t.task_id)
                ORDER BY t.task_id LIMIT 1 FOR UPDATE SKIP LOCKED""",
                (rs, n) -> new LinearTask(rs.getLong("task_id"), rs.getString("follow_up_id"),
                        LinearTask.Action.valueOf(rs.getString("action")), rs.getString("status"), rs.getInt("attempts")),
                Timestamp.from(now)).stream().findFirst();
    }

    public void done(long taskId, Instant at) {
        jdbc.update("UPDATE linear_sync SET done_at = ?, attempts = attempts + 1, last_error = NULL WHERE task_id = ?",
                Timestamp.from(at), taskId);
    }

    /** A failed attempt: tried again at {@code next}; {@code error} says why, without any credential. */
    public void retry(long taskId, Instant next, String error) {
        jdbc.update("UPDATE linear_sync SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE task_id = ?",
                Timestamp.from(next), error, taskId);
    }

    /** How many tasks are still to do (for health and tests). */
    public long pending() {
        return jdbc.queryForObject("SELECT count(*) FROM linear_sync WHERE done_at IS NULL", Long.class);
    }

    /**
     * Records a webhook delivery by its key; false when it was seen before (a replay). Keys older than
     * {@code forgetBefore} are dropped: a delivery that old is refused by its timestamp anyway.
     */
    public boolean firstDelivery(String key, Instant at, Instant forgetBefore) {
        jdbc.update("DELETE FROM linear_webhook_delivery WHERE received_at < ?", Timestamp.from(forgetBefore));
        return jdbc.update("INSERT INTO linear_webhook_delivery (delivery_key, received_at) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING", key, Timestamp.from(at)) == 1;
    }
}
