package io.firebreak.notification.delivery;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.oncall.ContactMethodKind;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * GoAlert-style throttle of SMS and voice: at most one message per window to a number (per kind). Taking the slot
 * is one conditional upsert, so instances agree without holding a lock while the provider is called; what cannot
 * go now waits for the slot and goes bundled with whatever else waits.
 */
@Component
public class ContactThrottle {

    private final JdbcTemplate jdbc;
    private final NotificationProperties.Throttle limits;

    public ContactThrottle(JdbcTemplate jdbc, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.limits = properties.contact().throttle();
    }

    /** @return empty when the slot was taken for {@code now}, else when the next slot opens */
    public Optional<Instant> take(ContactMethodKind kind, String address, Instant now) {
        Duration window = window(kind);
        if (window.isZero() || window.isNegative()) {
            return Optional.empty();
        }
        String key = kind.name() + ":" + address;
        boolean taken = !jdbc.queryForList("""
                INSERT INTO contact_throttle (method_key, last_sent_at) VALUES (?, ?)
                ON CONFLICT (method_key) DO UPDATE SET last_sent_at = EXCLUDED.last_sent_at
                WHERE contact_throttle.last_sent_at <= ? RETURNING 1""", Integer.class, key, Timestamp.from(now),
                Timestamp.from(now.minus(window))).isEmpty();
        if (taken) {
            return Optional.empty();
        }
        Timestamp last = jdbc.queryForObject("SELECT last_sent_at FROM contact_throttle WHERE method_key = ?",
                Timestamp.class, key);
        return Optional.of(last.toInstant().plus(window));
    }

    Duration window(ContactMethodKind kind) {
        return switch (kind) {
            case SMS -> limits.sms();
            case VOICE -> limits.voice();
            default -> Duration.ZERO;
        };
    }
}
