package io.firebreak.debrief.readmodel;

import io.firebreak.debrief.domain.Words;
import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.incident.AlertAttached;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.CauseIdentified;
import io.firebreak.schemas.incident.ComponentStatusSet;
import io.firebreak.schemas.incident.CustomerEmailSent;
import io.firebreak.schemas.incident.ContainmentOutcome;
import io.firebreak.schemas.incident.ContainmentStepRecorded;
import io.firebreak.schemas.incident.CustomerImpactChanged;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentClosed;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentReopened;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.PublicWordingEdited;
import io.firebreak.schemas.incident.RoleAssigned;
import io.firebreak.schemas.incident.SeverityChanged;
import io.firebreak.schemas.incident.StatusChanged;
import io.firebreak.schemas.incident.StatusPageHidden;
import io.firebreak.schemas.incident.StatusPagePublished;
import io.firebreak.schemas.incident.TimelineNoteAdded;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.schemas.incident.VideoBridgeAttached;
import io.firebreak.support.jdbc.ProcessedEvents;
import io.firebreak.support.jdbc.MergedSequencedUpdates;
import io.firebreak.support.jdbc.MergedSequencedUpdates.Assignment;
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
 * Projects every incident event into a timeline entry and the incident's milestones. Runs inside the caller's
 * transaction; the event ids are recorded first, so duplicates and redeliveries change nothing, and entries are
 * ordered by the aggregate sequence, so a late event lands in its place. Every event it records as processed gets
 * a timeline entry under the same event id, which is how a replay finds the records of the incidents it rebuilds.
 * A poll goes in together (issue 19): one dedupe statement for all its event ids, and the writes queued in a
 * {@link StatementBatch} under the incident's id (its row's updates keep their order) or the event's id (rows of
 * their own), sent as JDBC batches; nothing here reads what it writes. The poll's updates of one incident row go as
 * one statement ({@link MergedSequencedUpdates}): a new version of the row per poll instead of one per event.
 */
@Component
public class DebriefProjection {

    private final JdbcTemplate jdbc;
    private final ProcessedEvents processed;

    public DebriefProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.processed = new ProcessedEvents(jdbc);
    }

    /** Applies one event; false when it had been applied before (or is of a type this projection does not know). */
    public boolean apply(SpecificRecord event) {
        return apply(List.of(event)) == 1;
    }

    /** Applies a poll's events in their order; returns how many were new (each event id is applied once). */
    public int apply(List<? extends SpecificRecord> events) {
        List<SpecificRecord> known = events.stream().filter(e -> IncidentEvents.TYPES.contains(e.getClass()))
                .map(SpecificRecord.class::cast).toList();
        Set<String> first = processed.firstTimes(known.stream().map(e -> IncidentEvents.header(e).getEventId())
                .toList());
        StatementBatch batch = new StatementBatch(jdbc);
        MergedSequencedUpdates incidents = new MergedSequencedUpdates("incident");
        int applied = 0;
        for (SpecificRecord event : known) {
            if (first.remove(IncidentEvents.header(event).getEventId())) {
                apply(event, IncidentEvents.header(event), batch, incidents);
                applied++;
            }
        }
        incidents.endAll(batch);
        batch.flush();
        return applied;
    }

    private void apply(SpecificRecord event, EventHeader h, StatementBatch batch, MergedSequencedUpdates incidents) {
        if (event instanceof IncidentDeclared e) {
            incidents.end(batch, h.getIncidentId());
            batch.add(h.getIncidentId(), """
                    INSERT INTO incident (incident_id, reference, title, summary, severity, reported_severity, status,
                        customer_impact, affected_services, channel_name, detected_at, declared_at, last_sequence,
                        incident_type, drill)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO NOTHING""",
                    h.getIncidentId(), e.getReference(), e.getTitle(), e.getSummary(), e.getSeverity().name(),
                    e.getReportedSeverity(), e.getStatus().name(), e.getCustomerImpact(),
                    String.join(", ", e.getAffectedServices()), e.getChannelName(), ts(e.getDetectedAt()),
                    ts(h.getOccurredAt()), h.getSequence(), e.getIncidentType().name(), e.getDrill());
            entry(batch, h, "DECLARED", (e.getDrill() ? "DRILL: declared " : "Declared ") + e.getReference() + " ("
                    + e.getSeverity() + ", reported as " + e.getReportedSeverity() + kind(e) + "): " + e.getTitle());
        } else if (event instanceof SeverityChanged e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence(), new Assignment("severity", "?", e.getTo().name()));
            entry(batch, h, "SEVERITY_CHANGED", "Severity " + e.getFrom() + " → " + e.getTo() + suffix(e.getReason()));
        } else if (event instanceof StatusChanged e) {
            boolean mitigated = e.getTo() == IncidentStatus.MONITORING;
            Assignment status = new Assignment("status", "?", e.getTo().name());
            incidents.add(batch, h.getIncidentId(), h.getSequence(), mitigated
                    ? new Assignment[] {status, new Assignment("mitigated_at", "coalesce(%s, ?)", ts(h.getOccurredAt()))}
                    : new Assignment[] {status});
            entry(batch, h, "STATUS_CHANGED", "Status " + Words.of(e.getFrom().name()) + " → " + Words.of(e.getTo().name())
                    + suffix(e.getNote()));
        } else if (event instanceof UpdatePosted e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence(),
                    new Assignment("first_update_at", "coalesce(%s, ?)", ts(h.getOccurredAt())));
            entry(batch, h, "UPDATE", (e.getAudience() == Audience.CUSTOMER ? "Customer update: " : "Internal update: ")
                    + e.getWhatIsHappening() + (e.getWhatYouCanDo() == null || e.getWhatYouCanDo().isBlank() ? ""
                            : " What customers can do: " + e.getWhatYouCanDo()));
        } else if (event instanceof RoleAssigned e) {
            // several investigators: one joining is listed beside the holders instead of replacing them (in SQL,
            // V10's assign_role, so the poll's writes need no read of the row)
            incidents.add(batch, h.getIncidentId(), h.getSequence(), new Assignment("roles", "assign_role(%s, ?, ?, ?)",
                    e.getRole().name(), e.getAssignee().getName(), e.getJoining()));
            entry(batch, h, "ROLE_ASSIGNED", e.getJoining()
                    ? e.getAssignee().getName() + " joins as " + Words.of(e.getRole().name())
                    : e.getAssignee().getName() + " is now " + Words.of(e.getRole().name())
                            + (e.getPrevious() == null ? "" : " (was " + e.getPrevious().getName() + ")"));
        } else if (event instanceof TimelineNoteAdded e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence());
            entry(batch, h, e.getKind().name(), e.getText());
        } else if (event instanceof AlertAttached e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence());
            entry(batch, h, "ALERT", "Alert " + e.getStatus().name().toLowerCase(Locale.ROOT) + ": " + e.getSummary()
                    + " (" + e.getIntegration() + ")");
        } else if (event instanceof CustomerImpactChanged e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence(),
                    new Assignment("customer_impact", "?", e.getCustomerImpact()),
                    new Assignment("affected_services", "?", String.join(", ", e.getAffectedServices())));
            entry(batch, h, "IMPACT_CHANGED", "Customer impact: " + (e.getCustomerImpact() ? "yes" : "no")
                    + "; affected: " + String.join(", ", e.getAffectedServices()));
        } else if (event instanceof IncidentResolved e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence(), new Assignment("status", "'RESOLVED'"),
                    new Assignment("resolution", "?", e.getResolution()),
                    new Assignment("mitigated_at", "?", ts(e.getMitigatedAt())),
                    new Assignment("resolved_at", "?", ts(e.getResolvedAt())));
            entry(batch, h, "RESOLVED", "Resolved: " + e.getResolution());
        } else if (event instanceof IncidentReopened e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence(), new Assignment("status", "'INVESTIGATING'"),
                    new Assignment("resolved_at", "NULL"), new Assignment("mitigated_at", "NULL"));
            entry(batch, h, "REOPENED", "Reopened: " + e.getReason());
        } else if (event instanceof ContainmentStepRecorded e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence());
            batch.add(h.getEventId(), """
                    INSERT INTO containment_step (event_id, incident_id, sequence, occurred_at, lever, outcome, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", h.getEventId(), h.getIncidentId(),
                    h.getSequence(), ts(h.getOccurredAt()), e.getLever().name(), e.getOutcome().name(), e.getNote());
            if (e.getOutcome() == ContainmentOutcome.CONTAINED) {
                earliest(batch, incidents, h, "contained_at");
            }
            entry(batch, h, "CONTAINMENT_STEP", "Containment: " + Words.of(e.getLever().name()) + " — "
                    + Words.of(e.getOutcome().name()).toLowerCase(Locale.ROOT) + suffix(e.getNote()));
        } else if (event instanceof CauseIdentified e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence(), new Assignment("cause", "?", e.getCause()));
            earliest(batch, incidents, h, "identified_at");
            entry(batch, h, "IDENTIFIED", "Identified" + suffix(e.getCause()));
        } else if (event instanceof VideoBridgeAttached e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence());
            entry(batch, h, "VIDEO_BRIDGE", "Video bridge attached" + suffix(withoutQuery(e.getUrl())));
        } else if (event instanceof StatusPagePublished e) {
            // issue 17: what the comms owner did on the public side, each under its actor
            incidents.add(batch, h.getIncidentId(), h.getSequence());
            entry(batch, h, "STATUS_PAGE_PUBLISHED", "Published on the status page" + quoted(" as ", e.getPublicTitle())
                    + suffix(e.getPublicMessage()));
        } else if (event instanceof StatusPageHidden e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence());
            entry(batch, h, "STATUS_PAGE_HIDDEN", "Taken off the status page" + suffix(e.getReason()));
        } else if (event instanceof PublicWordingEdited e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence());
            entry(batch, h, "PUBLIC_WORDING_EDITED", "Public wording edited" + quoted(": title ", e.getPublicTitle())
                    + quoted(e.getPublicTitle() == null ? ": message " : ", message ", e.getPublicMessage()));
        } else if (event instanceof ComponentStatusSet e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence());
            entry(batch, h, "COMPONENT_STATUS_SET", "Status page component " + e.getComponent() + " set to "
                    + Words.of(e.getStatus().name()).toLowerCase(Locale.ROOT));
        } else if (event instanceof CustomerEmailSent e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence());
            entry(batch, h, "CUSTOMER_EMAIL_SENT", "Customer e-mail sent" + quoted(": ", e.getSubject()));
        } else if (event instanceof IncidentClosed e) {
            incidents.add(batch, h.getIncidentId(), h.getSequence(), new Assignment("status", "'CLOSED'"),
                    new Assignment("closed_at", "?", ts(h.getOccurredAt())),
                    new Assignment("debrief_url", "?", e.getDebriefUrl()));
            entry(batch, h, "CLOSED", "Closed" + (e.getDebriefUrl() == null ? "" : " with debrief " + e.getDebriefUrl()));
        }
    }

    private void entry(StatementBatch batch, EventHeader h, String kind, String text) {
        batch.add(h.getEventId(), """
                INSERT INTO timeline_entry (event_id, incident_id, sequence, occurred_at, actor_id, actor_name, actor_kind,
                    kind, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                h.getEventId(), h.getIncidentId(), h.getSequence(), ts(h.getOccurredAt()), h.getActor().getId(),
                h.getActor().getDisplayName(), h.getActor().getKind().name(), kind, text);
    }

    /**
     * Sets a "first time" milestone to the event's time unless an earlier event set it: the earliest wins whatever
     * the order of delivery (LEAST ignores a NULL), so a late event still counts and a replay gives the same time.
     */
    private void earliest(StatementBatch batch, MergedSequencedUpdates incidents, EventHeader h, String column) {
        incidents.end(batch, h.getIncidentId());
        batch.add(h.getIncidentId(), "UPDATE incident SET " + column + " = LEAST(" + column + ", ?) WHERE incident_id = ?",
                ts(h.getOccurredAt()), h.getIncidentId());
    }

    /**
     * A call link as the timeline keeps it: without its query and fragment, where meeting passwords and tokens
     * travel (the debrief document travels further than the incident, see DebriefMarkdown).
     */
    static String withoutQuery(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', '#'}) {
            int at = url.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return url.substring(0, cut);
    }

    private static String kind(IncidentDeclared e) {
        return e.getIncidentType() == IncidentType.ENGINEERING ? "" : "; " + Words.of(e.getIncidentType().name())
                .toLowerCase(Locale.ROOT) + " incident";
    }

    /** {@code lead} and the text in quotes, or nothing when there is no text. */
    private static String quoted(String lead, String text) {
        return text == null || text.isBlank() ? "" : lead + "“" + text + "”";
    }

    private static String suffix(String text) {
        return text == null || text.isBlank() ? "" : ": " + text;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
