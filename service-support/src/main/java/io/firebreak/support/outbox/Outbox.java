package io.firebreak.support.outbox;

import io.firebreak.schemas.serde.FirebreakEventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends an event to the service's {@code outbox} table inside the caller's transaction, so the event is
 * published if and only if the change that caused it commits. {@link OutboxRelay} sends it.
 */
public final class Outbox {

    private final JdbcTemplate jdbc;
    private final FirebreakEventSerializer serializer = new FirebreakEventSerializer();

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** False when an event with this id is already in the outbox (the append is idempotent). */
    public boolean append(String eventId, String topic, String key, SpecificRecord event) {
        byte[] payload = serializer.serialize(topic, event);
        return jdbc.update("INSERT INTO outbox (event_id, topic, record_key, event_type, payload) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (event_id) DO NOTHING", eventId, topic, key, event.getSchema().getName(), payload) == 1;
    }
}
