package io.firebreak.support.outbox;

import io.firebreak.schemas.serde.FirebreakEventSerializer;
import io.firebreak.support.tracing.TraceParents;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends an event to the service's {@code outbox} table inside the caller's transaction, so the event is
 * published if and only if the change that caused it commits. {@link OutboxRelay} sends it, with the trace context
 * current at the append (the request's or the consumed record's span) as its {@code traceparent} header.
 */
public final class Outbox {

    private final JdbcTemplate jdbc;
    private final TraceParents traces;
    private final FirebreakEventSerializer serializer = new FirebreakEventSerializer();

    /** An outbox whose rows carry no trace context (a service's own timers, where no request or record is traced). */
    public Outbox(JdbcTemplate jdbc) {
        this(jdbc, TraceParents.none());
    }

    public Outbox(JdbcTemplate jdbc, TraceParents traces) {
        this.jdbc = jdbc;
        this.traces = traces;
    }

    /** False when an event with this id is already in the outbox (the append is idempotent). */
    public boolean append(String eventId, String topic, String key, SpecificRecord event) {
        byte[] payload = serializer.serialize(topic, event);
        return jdbc.update("INSERT INTO outbox (event_id, topic, record_key, event_type, payload, trace_parent)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING", eventId, topic, key,
                event.getSchema().getName(), payload, traces.current().orElse(null)) == 1;
    }
}
