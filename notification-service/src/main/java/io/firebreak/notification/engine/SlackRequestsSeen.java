package io.firebreak.notification.engine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signatures of Slack requests already accepted (table {@code slack_request_seen}): a verified request whose signature
 * was seen before is a replay. Rows older than the signature window are pruned on the way, since a replay that old
 * fails the timestamp check anyway. Shared by every instance through PostgreSQL.
 */
@Component
public class SlackRequestsSeen {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SlackRequestsSeen(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time this signature is seen. */
    public boolean firstTime(String signature, Instant requestAt, Duration window) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM slack_request_seen WHERE request_at < ?", Timestamp.from(now.minus(window)));
        return jdbc.update("INSERT INTO slack_request_seen (signature, request_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                signature, Timestamp.from(requestAt)) == 1;
    }
}
