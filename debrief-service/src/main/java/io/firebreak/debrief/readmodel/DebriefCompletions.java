package io.firebreak.debrief.readmodel;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.debrief.DebriefCompleted;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.outbox.Outbox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes a debrief: the completion and its {@code DebriefCompleted} event are written in one transaction
 * (the event to the outbox, which service-support's relay publishes), so neither exists without the other.
 */
@Component
public class DebriefCompletions {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final TransactionTemplate transaction;

    public DebriefCompletions(JdbcTemplate jdbc, Outbox outbox, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Completed by the person behind the credential ({@code completedById}, {@code completedByName}), who is the
     * event's actor. {@code noFollowUpReason} is kept when the debrief ended without a follow-up on purpose.
     *
     * @return false when the debrief had been completed already
     */
    public boolean complete(IncidentRecord incident, String form, String completedById, String completedByName,
            String debriefUrl, int followUpsOutstanding, String noFollowUpReason, Instant at) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int inserted = jdbc.update("INSERT INTO debrief_completion (incident_id, completed_at, completed_by_id,"
                    + " completed_by_name, no_follow_up_reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    incident.id(), Timestamp.from(at), completedById, completedByName, noFollowUpReason);
            if (inserted == 0) {
                return false;
            }
            String eventId = UUID.randomUUID().toString();
            Actor actor = new Actor(completedById, completedByName, ActorKind.HUMAN);
            // one completion per incident, so the header's sequence is always 0
            DebriefCompleted event = new DebriefCompleted(eventId, incident.id(), incident.reference(),
                    Severity.valueOf(incident.severity()), form, at, actor, debriefUrl, followUpsOutstanding,
                    new EventHeader(eventId, incident.id(), 0L, at, actor));
            outbox.append(eventId, Topics.DEBRIEF_EVENTS, incident.id(), event);
            return true;
        }));
    }
}
