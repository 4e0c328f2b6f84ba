package io.firebreak.debrief.readmodel;

import io.firebreak.schemas.paging.EscalationAdvanced;
import io.firebreak.schemas.paging.EscalationStopped;
import io.firebreak.schemas.paging.PageAcknowledged;
import io.firebreak.schemas.paging.PageTriggered;
import java.sql.Timestamp;
import java.time.Instant;
import io.firebreak.support.jdbc.ProcessedEvents;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects paging events into the timeline (who was paged, escalations, acknowledgements) and the acknowledged
 * milestone. Same rules as the incident projection: the event id is recorded first, so duplicates change nothing,
 * and every event recorded as processed gets a timeline entry (sequence NULL) under the same event id.
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
        // every paging event's first field is its eventId (also in the header from schema version 4 on)
        String eventId = event.get(0).toString();
        if (!TYPES.contains(event.getClass()) || !processed.firstTime(eventId)) {
            return false;
        }
        if (event instanceof PageTriggered e) {
            milestone(e.getIncidentId(), "first_paged_at", e.getOccurredAt());
            entry(eventId, e.getIncidentId(), e.getOccurredAt(), "PAGED", "Paged " + e.getResponder().getName()
                    + (e.getResponder().getRotation() == null ? "" : " (on call for " + e.getResponder().getRotation() + ")")
                    + ", level " + e.getLevel());
        } else if (event instanceof EscalationAdvanced e) {
            entry(eventId, e.getIncidentId(), e.getOccurredAt(), "ESCALATED", "No acknowledgement in time: escalated from"
                    + " level " + e.getFromLevel() + " to level " + e.getToLevel());
        } else if (event instanceof PageAcknowledged e) {
            milestone(e.getIncidentId(), "acknowledged_at", e.getOccurredAt());
            entry(eventId, e.getIncidentId(), e.getOccurredAt(), "ACKNOWLEDGED", "Page acknowledged by " + e.getAcknowledgedBy());
        } else if (event instanceof EscalationStopped e) {
            entry(eventId, e.getIncidentId(), e.getOccurredAt(), "ESCALATION_STOPPED",
                    "Escalation stopped: " + e.getReason().toLowerCase(Locale.ROOT));
        }
        return true;
    }

    private void milestone(String incidentId, String column, Instant at) {
        jdbc.update("INSERT INTO paging_milestone (incident_id, " + column + ") VALUES (?, ?) ON CONFLICT (incident_id)"
                + " DO UPDATE SET " + column + " = LEAST(coalesce(paging_milestone." + column + ", excluded." + column
                + "), excluded." + column + ")", incidentId, Timestamp.from(at));
    }

    private void entry(String eventId, String incidentId, Instant at, String kind, String text) {
        jdbc.update("""
                INSERT INTO timeline_entry (event_id, incident_id, sequence, occurred_at, actor_id, actor_name, actor_kind,
                    kind, text) VALUES (?, ?, NULL, ?, 'firebreak-paging', 'Firebreak paging', 'SYSTEM', ?, ?)
                ON CONFLICT DO NOTHING""", eventId, incidentId, Timestamp.from(at), kind, text);
    }
}
