package io.firebreak.support.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dedupe record of a projection: table {@code processed_event (event_id PRIMARY KEY)} in the service's schema.
 * Called inside the transaction that applies the event, so the event and its record commit or roll back together
 * and a redelivery applies nothing twice.
 */
public final class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time an event id is seen; false for a redelivery. */
    public boolean firstTime(String eventId) {
        return jdbc.update("INSERT INTO processed_event (event_id) VALUES (?) ON CONFLICT DO NOTHING", eventId) == 1;
    }
}
