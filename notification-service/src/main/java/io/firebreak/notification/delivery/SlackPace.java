package io.firebreak.notification.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When the next Slack call for a target may go out (Slack's pace per channel, {@code Retry-After}), shared by every
 * instance through PostgreSQL.
 */
@Component
class SlackPace {

    private final JdbcTemplate jdbc;

    SlackPace(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean paced(String target, Instant now) {
        return jdbc.queryForList("SELECT next_allowed_at FROM slack_pace WHERE target = ?", Timestamp.class, target)
                .stream().anyMatch(t -> t.toInstant().isAfter(now));
    }

    void pace(String target, Instant next) {
        jdbc.update("INSERT INTO slack_pace (target, next_allowed_at) VALUES (?, ?) ON CONFLICT (target)"
                + " DO UPDATE SET next_allowed_at = excluded.next_allowed_at", target, Timestamp.from(next));
    }

    static long retryAfterSeconds(String header) {
        try {
            return header == null ? 1 : Math.max(1, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
