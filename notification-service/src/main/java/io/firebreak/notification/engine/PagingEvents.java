package io.firebreak.notification.engine;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.paging.EscalationAdvanced;
import io.firebreak.schemas.paging.EscalationStopped;
import io.firebreak.schemas.paging.PageAcknowledged;
import io.firebreak.schemas.paging.PageTriggered;
import io.firebreak.schemas.paging.Responder;
import io.firebreak.schemas.serde.SingleObjectEventCodec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Paging events, written to the outbox in the transaction that decided them. */
@Component
public class PagingEvents {

    private final JdbcTemplate jdbc;
    private final SingleObjectEventCodec codec = new SingleObjectEventCodec();

    public PagingEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void triggered(String incidentId, String pageId, int level, String responderId, String responderName,
            String rotation, List<String> channels, Instant at) {
        write(incidentId, new PageTriggered(id(), incidentId, pageId, level,
                new Responder(responderId, responderName, rotation), channels, at));
    }

    void acknowledged(String incidentId, String pageId, String by, Instant at) {
        write(incidentId, new PageAcknowledged(id(), incidentId, pageId, by, at));
    }

    void advanced(String incidentId, int from, int to, Instant at) {
        write(incidentId, new EscalationAdvanced(id(), incidentId, from, to, at));
    }

    void stopped(String incidentId, String reason, Instant at) {
        write(incidentId, new EscalationStopped(id(), incidentId, reason, at));
    }

    private void write(String incidentId, SpecificRecord event) {
        jdbc.update("INSERT INTO outbox (event_id, topic, record_key, event_type, payload) VALUES (?, ?, ?, ?, ?)",
                event.get(0), Topics.PAGING_EVENTS, incidentId, event.getSchema().getName(), codec.encode(event));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
