package io.firebreak.debrief.readmodel;

import io.firebreak.schemas.paging.EscalationAdvanced;
import io.firebreak.schemas.paging.EscalationStopped;
import io.firebreak.schemas.paging.PageAcknowledged;
import io.firebreak.schemas.paging.PageTriggered;
import io.firebreak.support.jdbc.ProcessedEvents;
import io.firebreak.support.jdbc.StatementBatch;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects paging events into the timeline (who was paged, escalations, acknowledgements) and the acknowledged
 * milestone. Same rules as the incident projection: the event id is recorded first, so duplicates change nothing,
 * and every event recorded as processed gets a timeline entry (sequence NULL) under the same event id. A poll goes in
 * together: one dedupe statement, the writes as JDBC batches ({@link StatementBatch}; a milestone keeps the earliest
 * time whatever the order, so only the rows' keys matter).
 */
@Component
public class PagingProjection {

    private static final Set<Class<?>> TYPES = Set.of(PageTriggered.class, EscalationAdvanced.class,
            PageAcknowledged.class, EscalationStopped.class);

    private final JdbcTemplate jdbc;
    private final ProcessedEvents processed;

    public PagingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.processed = new ProcessedEvents(jdbc);
    }

    /** Applies one event; false when it had been applied before (or is of a type this projection does not know). */
    public boolean apply(SpecificRecord event) {
        return apply(List.of(event)) == 1;
    }

    /** Applies a poll's events; returns how many were new (each event id is applied once). */
    public int apply(List<? extends SpecificRecord> events) {
        List<SpecificRecord> known = events.stream().filter(e -> TYPES.contains(e.getClass()))
                .map(SpecificRecord.class::cast).toList();
        Set<String> first = processed.firstTimes(known.stream().map(PagingProjection::eventId).toList());
        StatementBatch batch = new StatementBatch(jdbc);
        int applied = 0;
        for (SpecificRecord event : known) {
            if (first.remove(eventId(event))) {
                apply(event, eventId(event), batch);
                applied++;
            }
        }
        batch.flush();
        return applied;
    }

    // every paging event's first field is its eventId (also in the header from schema version 4 on)
    private static String eventId(SpecificRecord event) {
        return event.get(0).toString();
    }

    private void apply(SpecificRecord event, String eventId, StatementBatch batch) {
        if (event instanceof PageTriggered e) {
            milestone(batch, e.getIncidentId(), "first_paged_at", e.getOccurredAt());
            entry(batch, eventId, e.getIncidentId(), e.getOccurredAt(), "PAGED", "Paged " + e.getResponder().getName()
                    + (e.getResponder().getRotation() == null ? "" : " (on call for " + e.getResponder().getRotation() + ")")
                    + ", level " + e.getLevel());
        } else if (event instanceof EscalationAdvanced e) {
            entry(batch, eventId, e.getIncidentId(), e.getOccurredAt(), "ESCALATED", "No acknowledgement in time: escalated from"
                    + " level " + e.getFromLevel() + " to level " + e.getToLevel());
        } else if (event instanceof PageAcknowledged e) {
            milestone(batch, e.getIncidentId(), "acknowledged_at", e.getOccurredAt());
            entry(batch, eventId, e.getIncidentId(), e.getOccurredAt(), "ACKNOWLEDGED", "Page acknowledged by " + e.getAcknowledgedBy());
        } else if (event instanceof EscalationStopped e) {
            entry(batch, eventId, e.getIncidentId(), e.getOccurredAt(), "ESCALATION_STOPPED",
                    "Escalation stopped: " + e.getReason().toLowerCase(Locale.ROOT));
        }
    }

    private void milestone(StatementBatch batch, String incidentId, String column, Instant at) {
        batch.add(incidentId, "INSERT INTO paging_milestone (incident_id, " + column + ") VALUES (?, ?) ON CONFLICT (incident_id)"
                + " DO UPDATE SET " + column + " = LEAST(coalesce(paging_milestone." + column + ", excluded." + column
                + "), excluded." + column + ")", incidentId, Timestamp.from(at));
    }

    private void entry(StatementBatch batch, String eventId, String incidentId, Instant at, String kind,
            String text) {
        batch.add(eventId, """
                INSERT INTO timeline_entry (event_id, incident_id, sequence, occurred_at, actor_id, actor_name, actor_kind,
                    kind, text) VALUES (?, ?, NULL, ?, 'firebreak-paging', 'Firebreak paging', 'SYSTEM', ?, ?)
                ON CONFLICT DO NOTHING""", eventId, incidentId, Timestamp.from(at), kind, text);
    }
}
