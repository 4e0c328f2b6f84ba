package io.firebreak.statuspage.subscribers.storage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable deliveries. A round claims due rows together with their subscriber rows ({@code FOR NO KEY UPDATE ...
 * SKIP LOCKED}: another thread or instance skips both, so one subscriber's pace is counted by one sender at a time,
 * and the fan-out's inserts are not blocked), and runs the caller's work in that transaction: what it marks sent is
 * committed with the round; a crash mid-round sends those again (at least once).
 */
@Component
public class Deliveries {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public Deliveries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The work of one round, given the claimed deliveries. */
    public interface Round {
        void run(List<DueDelivery> due);
    }

    /** Claims up to {@code batch} due deliveries and runs {@code round} on them in one transaction; returns how many. */
    public int round(Instant now, int batch, Round round) {
        Integer claimed = transaction.execute(status -> {
            List<DueDelivery> due = jdbc.query("""
                    SELECT d.notice_id, d.subscriber_id, d.attempts, s.channel, s.address, s.secret, n.kind, n.subject,
                           n.body, n.payload
                    FROM delivery d JOIN subscriber s ON s.subscriber_id = d.subscriber_id
                    JOIN notice n ON n.notice_id = d.notice_id
                    WHERE d.sent_at IS NULL AND d.abandoned_at IS NULL AND d.next_attempt_at <= ?
                    ORDER BY d.next_attempt_at, d.subscriber_id LIMIT ?
                    FOR NO KEY UPDATE OF d, s SKIP LOCKED""",
                    (rs, n) -> new DueDelivery(rs.getString(1), rs.getString(2), rs.getInt(3),
                            Channel.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                            NoticeKind.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10)),
                    Timestamp.from(now), batch);
            round.run(due);
            return due.size();
        });
        return claimed == null ? 0 : claimed;
    }

    /** Within the round: how many messages went to this subscriber since {@code since}, and the oldest of them. */
    public Window sentSince(String subscriberId, Instant since) {
        return jdbc.queryForObject("SELECT count(*), min(sent_at) FROM delivery WHERE subscriber_id = ? AND sent_at > ?",
                (rs, n) -> new Window(rs.getInt(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()),
                subscriberId, Timestamp.from(since));
    }

    public record Window(int sent, Instant oldest) {
    }

    public void sent(DueDelivery delivery, Instant at) {
        jdbc.update("UPDATE delivery SET sent_at = ?, attempts = attempts + 1, last_error = NULL"
                + " WHERE notice_id = ? AND subscriber_id = ?", Timestamp.from(at), delivery.noticeId(),
                delivery.subscriberId());
    }

    /** Not yet: over the subscriber's pace; tried again at {@code at} without counting an attempt. */
    public void postpone(DueDelivery delivery, Instant at) {
        jdbc.update("UPDATE delivery SET next_attempt_at = ? WHERE notice_id = ? AND subscriber_id = ?",
                Timestamp.from(at), delivery.noticeId(), delivery.subscriberId());
    }

    /** A failed attempt: retried after {@code backoff}, or given up when {@code giveUp}. */
    public void failed(DueDelivery delivery, Instant now, Duration backoff, boolean giveUp, String error) {
        jdbc.update("UPDATE delivery SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, abandoned_at = ?"
                + " WHERE notice_id = ? AND subscriber_id = ?", Timestamp.from(now.plus(backoff)), error,
                giveUp ? Timestamp.from(now) : null, delivery.noticeId(), delivery.subscriberId());
    }
}
