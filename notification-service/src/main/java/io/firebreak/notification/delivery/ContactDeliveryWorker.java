package io.firebreak.notification.delivery;

import io.firebreak.notification.domain.oncall.ContactMethodKind;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due notification-rule deliveries ({@code contact_delivery}, planned by {@code engine.NotificationRules}).
 * Rows are claimed by lease as {@link PageDeliveryWorker} claims its own (UPDATE … SKIP LOCKED … RETURNING), so a
 * second instance never takes the same row. A row whose page was acknowledged, cancelled or whose escalation or
 * incident ended is cancelled instead of sent, whichever way the ack arrived. Rows for one SMS/voice number are sent
 * as one message when they come due together; the throttle holds the rest until its next slot.
 */
@Component
public class ContactDeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(ContactDeliveryWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Map<ContactMethodKind, ContactTransport> transports = new EnumMap<>(ContactMethodKind.class);
    private final ContactThrottle throttle;
    private final PageNotices notices;
    private final Clock clock;

    public ContactDeliveryWorker(JdbcTemplate jdbc, List<ContactTransport> transports, ContactThrottle throttle,
            PageNotices notices, Clock clock) {
        this.jdbc = jdbc;
        transports.forEach(t -> this.transports.put(t.kind(), t));
        this.throttle = throttle;
        this.notices = notices;
        this.clock = clock;
    }

    // a due page waits at most one interval for its first attempt: part of alert → page (BENCHMARKS.md, p99 < 1 s)
    @Scheduled(fixedDelayString = "${firebreak.notification.contact.poll-interval:200ms}")
    public void poll() {
        deliverDue();
    }

    /** @return how many deliveries this call claimed */
    public synchronized int deliverDue() {
        Instant now = clock.instant();
        List<Map<String, Object>> claimed = jdbc.queryForList("""
                WITH claimed AS (
                    UPDATE contact_delivery SET next_attempt_at = ? WHERE delivery_id IN (
                        SELECT delivery_id FROM contact_delivery WHERE state = 'PENDING' AND next_attempt_at <= ?
                        ORDER BY next_attempt_at LIMIT 100 FOR UPDATE SKIP LOCKED)
                    RETURNING *)
                SELECT d.delivery_id, d.page_id, d.incident_id, d.person_id, d.kind, d.address, d.attempts,
                    p.level, i.reference, i.title, i.severity, i.drill, i.incident_type, c.channel_id,
                    (p.state = 'TRIGGERED' AND (p.level = 0 OR e.state = 'ACTIVE')
                        AND i.status NOT IN ('RESOLVED', 'CLOSED')) AS live
                FROM claimed d JOIN page p ON p.page_id = d.page_id JOIN incident i ON i.incident_id = d.incident_id
                LEFT JOIN escalation e ON e.incident_id = d.incident_id
                LEFT JOIN slack_channel c ON c.incident_id = d.incident_id
                ORDER BY d.due_at, d.delivery_id""", Timestamp.from(now.plus(LEASE)), Timestamp.from(now));
        Map<String, List<Map<String, Object>>> byAddress = new LinkedHashMap<>();
        for (Map<String, Object> row : claimed) {
            if (!Boolean.TRUE.equals(row.get("live"))) {
                finish(row, "CANCELLED", null, null, now);
                log.info("contact.cancelled delivery={} kind={}", row.get("delivery_id"), row.get("kind"));
                continue;
            }
            byAddress.computeIfAbsent(row.get("kind") + "|" + row.get("address"), k -> new ArrayList<>()).add(row);
        }
        byAddress.values().forEach(rows -> send(rows, now));
        return claimed.size();
    }

    /** One message for rows to one address (one row, unless the throttle held several for it). */
    private void send(List<Map<String, Object>> rows, Instant now) {
        Map<String, Object> first = rows.get(0);
        ContactMethodKind kind = ContactMethodKind.valueOf((String) first.get("kind"));
        String address = (String) first.get("address");
        ContactTransport transport = transports.get(kind);
        if (transport == null || !transport.configured()) {
            rows.forEach(row -> finish(row, "SKIPPED", null, "transport not configured", now));
            log.warn("contact.skipped kind={} deliveries={} reason=not_configured", kind, rows.size());
            return;
        }
        if (kind.throttled()) {
            Optional<Instant> nextSlot = throttle.take(kind, address, now);
            if (nextSlot.isPresent()) {
                rows.forEach(row -> jdbc.update("UPDATE contact_delivery SET next_attempt_at = ? WHERE delivery_id = ?",
                        Timestamp.from(nextSlot.get()), row.get("delivery_id")));
                log.info("contact.throttled kind={} deliveries={} until={}", kind, rows.size(), nextSlot.get());
                return;
            }
        }
        String carrier = (String) first.get("delivery_id");
        try {
            transport.send(address, rows.stream().map(notices::of).toList());
            rows.forEach(row -> finish(row, "SENT", row == first ? null : carrier, null, now));
            log.info("contact.sent delivery={} kind={} bundled={}", carrier, kind, rows.size());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String error = e instanceof IOException && e.getMessage() != null
                    && e.getMessage().startsWith("provider answered") ? e.getMessage() : e.getClass().getSimpleName();
            for (Map<String, Object> row : rows) {
                int attempts = ((Number) row.get("attempts")).intValue() + 1;
                jdbc.update("UPDATE contact_delivery SET attempts = ?, error = ?, next_attempt_at = ?"
                        + " WHERE delivery_id = ?", attempts, error,
                        Timestamp.from(now.plusSeconds(Math.min(300, 1L << Math.min(attempts, 8)))),
                        row.get("delivery_id"));
            }
            log.warn("contact.failed delivery={} kind={} error={}", carrier, kind, error);
        }
    }

    private void finish(Map<String, Object> row, String state, String bundledInto, String error, Instant now) {
        jdbc.update("UPDATE contact_delivery SET state = ?, sent_at = ?, bundled_into = ?, error = ?,"
                + " attempts = attempts + ? WHERE delivery_id = ? AND state = 'PENDING'", state,
                state.equals("SENT") ? Timestamp.from(now) : null, bundledInto, error, state.equals("SENT") ? 1 : 0,
                row.get("delivery_id"));
    }
}
