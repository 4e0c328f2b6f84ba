package io.firebreak.debrief.readmodel;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.debrief.DebriefCompleted;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.serde.SingleObjectEventCodec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes a debrief: the completion and its {@code DebriefCompleted} event are written in one transaction
 * (the event to the outbox, which the relay publishes), so neither exists without the other.
 */
@Component
public class DebriefCompletions {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SingleObjectEventCodec codec = new SingleObjectEventCodec();

    public DebriefCompletions(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** @return false when the debrief had been completed already */
    public boolean complete(IncidentRecord incident, String form, String completedBy, String debriefUrl,
            int followUpsOutstanding, Instant at) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int inserted = jdbc.update("INSERT INTO debrief_completion (incident_id, completed_at, completed_by)"
                    + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING", incident.id(), Timestamp.from(at), completedBy);
            if (inserted == 0) {
                return false;
            }
            String eventId = UUID.randomUUID().toString();
            Actor actor = new Actor(completedBy, completedBy, ActorKind.HUMAN);
            // one completion per incident, so the header's sequence is always 0
            DebriefCompleted event = new DebriefCompleted(eventId, incident.id(), incident.reference(),
                    Severity.valueOf(incident.severity()), form, at, actor, debriefUrl, followUpsOutstanding,
                    new EventHeader(eventId, incident.id(), 0L, at, actor));
            jdbc.update("INSERT INTO outbox (event_id, topic, record_key, payload) VALUES (?, ?, ?, ?)",
                    event.getEventId(), Topics.DEBRIEF_EVENTS, incident.id(), codec.encode(event));
            return true;
        }));
    }
}
