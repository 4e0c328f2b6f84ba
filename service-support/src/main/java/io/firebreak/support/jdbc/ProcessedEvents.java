package io.firebreak.support.jdbc;

import java.sql.Array;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;

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

    /**
     * Records a poll's event ids in one statement and returns those seen for the first time (an id twice in
     * {@code eventIds} is returned once: apply it once, then take it out of the set).
     */
    public Set<String> firstTimes(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return new HashSet<>();
        }
        return jdbc.execute("INSERT INTO processed_event (event_id) SELECT unnest(?::text[])"
                + " ON CONFLICT DO NOTHING RETURNING event_id", (PreparedStatementCallback<Set<String>>) statement -> {
                    Array ids = statement.getConnection().createArrayOf("text", eventIds.toArray());
                    try {
                        statement.setArray(1, ids);
                        Set<String> first = new HashSet<>();
                        try (var rows = statement.executeQuery()) {
                            while (rows.next()) {
                                first.add(rows.getString(1));
                            }
                        }
                        return first;
                    } finally {
                        ids.free();
                    }
                });
    }
}
