package io.firebreak.notification.engine;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Durable timers in PostgreSQL: they survive restarts and fire once. */
@Component
public class Timers {

    private final JdbcTemplate jdbc;

    public Timers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void schedule(String timerId, String kind, String incidentId, Instant dueAt, String payload) {
        jdbc.update("INSERT INTO timer (timer_id, kind, incident_id, due_at, payload) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (timer_id) DO NOTHING", timerId, kind, incidentId, Timestamp.from(dueAt), payload);
    }

    public void cancel(String incidentId, String kind) {
        jdbc.update("UPDATE timer SET state = 'CANCELLED' WHERE incident_id = ? AND kind = ? AND state = 'PENDING'",
                incidentId, kind);
    }
}
