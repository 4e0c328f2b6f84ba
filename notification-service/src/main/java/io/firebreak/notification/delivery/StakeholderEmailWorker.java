package io.firebreak.notification.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due stakeholder e-mails ({@code stakeholder_email}, queued by {@code engine.StakeholderEmails}) through the
 * contact methods' SMTP server. Rows are claimed by lease (UPDATE … SKIP LOCKED … RETURNING) as
 * {@link ContactDeliveryWorker} claims its own, so a second instance never takes the same row and a crash between
 * claim and send only delays it by the lease. A failed send is retried with doubling back-off (at most 5 minutes
 * apart) for as long as it takes; without an SMTP server the rows are SKIPPED rather than retried for ever.
 */
@Component
public class StakeholderEmailWorker {

    private static final Logger log = LoggerFactory.getLogger(StakeholderEmailWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final EmailTransport email;
    private final Clock clock;

    public StakeholderEmailWorker(JdbcTemplate jdbc, EmailTransport email, Clock clock) {
        this.jdbc = jdbc;
        this.email = email;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${firebreak.notification.stakeholders.poll-interval:1s}")
    public void poll() {
        sendDue();
    }

    /** @return how many e-mails this call claimed */
    public synchronized int sendDue() {
        Instant now = clock.instant();
        List<Map<String, Object>> claimed = jdbc.queryForList("""
                UPDATE stakeholder_email SET next_attempt_at = ? WHERE email_id IN (
                    SELECT email_id FROM stakeholder_email WHERE state = 'PENDING' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, created_at LIMIT 50 FOR UPDATE SKIP LOCKED)
                RETURNING email_id, address, subject, body, attempts""", Timestamp.from(now.plus(LEASE)),
                Timestamp.from(now));
        for (Map<String, Object> row : claimed) {
            send(row, now);
        }
        return claimed.size();
    }

    private void send(Map<String, Object> row, Instant now) {
        String id = (String) row.get("email_id");
        if (!email.configured()) {
            jdbc.update("UPDATE stakeholder_email SET state = 'SKIPPED', error = 'transport not configured'"
                    + " WHERE email_id = ? AND state = 'PENDING'", id);
            log.warn("stakeholder_email.skipped email={} reason=not_configured", id);
            return;
        }
        try {
            email.sendPlain((String) row.get("address"), (String) row.get("subject"), (String) row.get("body"), id);
            jdbc.update("UPDATE stakeholder_email SET state = 'SENT', sent_at = ?, attempts = attempts + 1, error = NULL"
                    + " WHERE email_id = ? AND state = 'PENDING'", Timestamp.from(now), id);
            log.info("stakeholder_email.sent email={}", id);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            int attempts = ((Number) row.get("attempts")).intValue() + 1;
            jdbc.update("UPDATE stakeholder_email SET attempts = ?, error = ?, next_attempt_at = ? WHERE email_id = ?",
                    attempts, e.getClass().getSimpleName(),
                    Timestamp.from(now.plusSeconds(Math.min(300, 1L << Math.min(attempts, 8)))), id);
            log.warn("stakeholder_email.failed email={} attempts={} error={}", id, attempts,
                    e.getClass().getSimpleName());
        }
    }
}
