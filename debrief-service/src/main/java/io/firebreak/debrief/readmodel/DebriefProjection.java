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
import io.firebreak.support.jdbc.SequencedUpdate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects every incident event into a timeline entry and the incident's milestones. Runs inside the caller's
 * transaction; the event id is recorded first, so duplicates and redeliveries change nothing, and entries are
 * ordered by the aggregate sequence, so a late event lands in its place. Every event it records as processed gets
 * a timeline entry under the same event id, which is how a replay finds the records of the incidents it rebuilds.
 */
@Component
public class DebriefProjection {

    private final JdbcTemplate jdbc;
    private final ProcessedEvents processed;
    private final SequencedUpdate incidents;

    public DebriefProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.processed = new ProcessedEvents(jdbc);
        this.incidents = new SequencedUpdate(jdbc, "incident");
    }

    /** Applies one event; false when it had been applied before (or is of a type this projection does not know). */
    public boolean apply(SpecificRecord event) {
        EventHeader h = IncidentEvents.header(event);
        if (!IncidentEvents.TYPES.contains(event.getClass()) || !processed.firstTime(h.getEventId())) {
            return false;
        }
        if (event instanceof IncidentDeclared e) {
            jdbc.update("""
                    INSERT INTO incident (incident_id, reference, title, summary, severity, reported_severity, status,
                        customer_impact, affected_services, channel_name, detected_at, declared_at, last_sequence,
                        incident_type, drill)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO NOTHING""",
                    h.getIncidentId(), e.getReference(), e.getTitle(), e.getSummary(), e.getSeverity().name(),
                    e.getReportedSeverity(), e.getStatus().name(), e.getCustomerImpact(),
                    String.join(", ", e.getAffectedServices()), e.getChannelName(), ts(e.getDetectedAt()),
                    ts(h.getOccurredAt()), h.getSequence(), e.getIncidentType().name(), e.getDrill());
            entry(h, "DECLARED", (e.getDrill() ? "DRILL: declared " : "Declared ") + e.getReference() + " ("
                    + e.getSeverity() + ", reported as " + e.getReportedSeverity() + kind(e) + "): " + e.getTitle());
        } else if (event instanceof SeverityChanged e) {
            set(h, "severity = ?", e.getTo().name());
            entry(h, "SEVERITY_CHANGED", "Severity " + e.getFrom() + " → " + e.getTo() + suffix(e.getReason()));
        } else if (event instanceof StatusChanged e) {
            boolean mitigated = e.getTo() == IncidentStatus.MONITORING;
            set(h, "status = ?" + (mitigated ? ", mitigated_at = coalesce(mitigated_at, ?)" : ""),
                    mitigated ? new Object[] {e.getTo().name(), ts(h.getOccurredAt())} : new Object[] {e.getTo().name()});
            entry(h, "STATUS_CHANGED", "Status " + Words.of(e.getFrom().name()) + " → " + Words.of(e.getTo().name())
                    + suffix(e.getNote()));
        } else if (event instanceof UpdatePosted e) {
            set(h, "first_update_at = coalesce(first_update_at, ?)", ts(h.getOccurredAt()));
            entry(h, "UPDATE", (e.getAudience() == Audience.CUSTOMER ? "Customer update: " : "Internal update: ")
                    + e.getWhatIsHappening() + (e.getWhatYouCanDo() == null || e.getWhatYouCanDo().isBlank() ? ""
                            : " What customers can do: " + e.getWhatYouCanDo()));
        } else if (event instanceof RoleAssigned e) {
            Map<String, String> roles = roles(h.getIncidentId());
            String holders = roles.get(e.getRole().name());
            // several investigators: one joining is listed beside the holders instead of replacing them
            roles.put(e.getRole().name(), e.getJoining() && holders != null && !holders.isBlank()
                    ? holders + ", " + e.getAssignee().getName() : e.getAssignee().getName());
            set(h, "roles = ?", encode(roles));
            entry(h, "ROLE_ASSIGNED", e.getJoining()
                    ? e.getAssignee().getName() + " joins as " + Words.of(e.getRole().name())
                    : e.getAssignee().getName() + " is now " + Words.of(e.getRole().name())
                            + (e.getPrevious() == null ? "" : " (was " + e.getPrevious().getName() + ")"));
        } else if (event instanceof TimelineNoteAdded e) {
            set(h, null);
            entry(h, e.getKind().name(), e.getText());
        } else if (event instanceof AlertAttached e) {
            set(h, null);
            entry(h, "ALERT", "Alert " + e.getStatus().name().toLowerCase(Locale.ROOT) + ": " + e.getSummary()
                    + " (" + e.getIntegration() + ")");
        } else if (event instanceof CustomerImpactChanged e) {
            set(h, "customer_impact = ?, affected_services = ?", e.getCustomerImpact(),
                    String.join(", ", e.getAffectedServices()));
            entry(h, "IMPACT_CHANGED", "Customer impact: " + (e.getCustomerImpact() ? "yes" : "no")
                    + "; affected: " + String.join(", ", e.getAffectedServices()));
        } else if (event instanceof IncidentResolved e) {
            set(h, "status = 'RESOLVED', resolution = ?, mitigated_at = ?, resolved_at = ?", e.getResolution(),
                    ts(e.getMitigatedAt()), ts(e.getResolvedAt()));
            entry(h, "RESOLVED", "Resolved: " + e.getResolution());
        } else if (event instanceof IncidentReopened e) {
            set(h, "status = 'INVESTIGATING', resolved_at = NULL, mitigated_at = NULL");
            entry(h, "REOPENED", "Reopened: " + e.getReason());
        } else if (event instanceof ContainmentStepRecorded e) {
            set(h, null);
            jdbc.update("""
                    INSERT INTO containment_step (event_id, incident_id, sequence, occurred_at, lever, outcome, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", h.getEventId(), h.getIncidentId(),
                    h.getSequence(), ts(h.getOccurredAt()), e.getLever().name(), e.getOutcome().name(), e.getNote());
            if (e.getOutcome() == ContainmentOutcome.CONTAINED) {
                earliest(h, "contained_at");
            }
            entry(h, "CONTAINMENT_STEP", "Containment: " + Words.of(e.getLever().name()) + " — "
                    + Words.of(e.getOutcome().name()).toLowerCase(Locale.ROOT) + suffix(e.getNote()));
        } else if (event instanceof CauseIdentified e) {
            set(h, "cause = ?", e.getCause());
            earliest(h, "identified_at");
            entry(h, "IDENTIFIED", "Identified" + suffix(e.getCause()));
        } else if (event instanceof VideoBridgeAttached e) {
            set(h, null);
            entry(h, "VIDEO_BRIDGE", "Video bridge attached" + suffix(withoutQuery(e.getUrl())));
        } else if (event instanceof StatusPagePublished e) {
            // issue 17: what the comms owner did on the public side, each under its actor
            set(h, null);
            entry(h, "STATUS_PAGE_PUBLISHED", "Published on the status page" + quoted(" as ", e.getPublicTitle())
                    + suffix(e.getPublicMessage()));
        } else if (event instanceof StatusPageHidden e) {
            set(h, null);
            entry(h, "STATUS_PAGE_HIDDEN", "Taken off the status page" + suffix(e.getReason()));
        } else if (event instanceof PublicWordingEdited e) {
            set(h, null);
            entry(h, "PUBLIC_WORDING_EDITED", "Public wording edited" + quoted(": title ", e.getPublicTitle())
                    + quoted(e.getPublicTitle() == null ? ": message " : ", message ", e.getPublicMessage()));
        } else if (event instanceof ComponentStatusSet e) {
            set(h, null);
            entry(h, "COMPONENT_STATUS_SET", "Status page component " + e.getComponent() + " set to "
                    + Words.of(e.getStatus().name()).toLowerCase(Locale.ROOT));
        } else if (event instanceof CustomerEmailSent e) {
            set(h, null);
            entry(h, "CUSTOMER_EMAIL_SENT", "Customer e-mail sent" + quoted(": ", e.getSubject()));
        } else if (event instanceof IncidentClosed e) {
            set(h, "status = 'CLOSED', closed_at = ?, debrief_url = ?", ts(h.getOccurredAt()), e.getDebriefUrl());
            entry(h, "CLOSED", "Closed" + (e.getDebriefUrl() == null ? "" : " with debrief " + e.getDebriefUrl()));
        }
        return true;
    }

    private void entry(EventHeader h, String kind, String text) {
        jdbc.update("""
                INSERT INTO timeline_entry (event_id, incident_id, sequence, occurred_at, actor_id, actor_name, actor_kind,
                    kind, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                h.getEventId(), h.getIncidentId(), h.getSequence(), ts(h.getOccurredAt()), h.getActor().getId(),
                h.getActor().getDisplayName(), h.getActor().getKind().name(), kind, text);
    }

    /**
     * Sets a "first time" milestone to the event's time unless an earlier event set it: the earliest wins whatever
     * the order of delivery (LEAST ignores a NULL), so a late event still counts and a replay gives the same time.
     */
    private void earliest(EventHeader h, String column) {
        jdbc.update("UPDATE incident SET " + column + " = LEAST(" + column + ", ?) WHERE incident_id = ?",
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

    /** Moves the incident's row forward; an event older than the last applied one changes no milestone. */
    private void set(EventHeader h, String assignments, Object... values) {
        incidents.apply(h.getIncidentId(), h.getSequence(), assignments, values);
    }

    private Map<String, String> roles(String incidentId) {
        Map<String, String> roles = new LinkedHashMap<>();
        jdbc.queryForList("SELECT roles FROM incident WHERE incident_id = ?", String.class, incidentId).stream()
                .findFirst().ifPresent(text -> {
                    for (String line : text.split("\n")) {
                        int eq = line.indexOf('=');
                        if (eq > 0) {
                            roles.put(line.substring(0, eq), line.substring(eq + 1));
                        }
                    }
                });
        return roles;
    }

    private static String encode(Map<String, String> roles) {
        StringBuilder text = new StringBuilder();
        roles.forEach((role, name) -> text.append(role).append('=').append(name.replace('\n', ' ')).append('\n'));
        return text.toString();
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
