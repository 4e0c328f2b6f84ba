package io.firebreak.command.readmodel;

import io.firebreak.command.api.Actor;
import io.firebreak.command.api.Commands;
import io.firebreak.command.api.ContainmentOutcome;
import io.firebreak.command.api.Events.CauseIdentified;
import io.firebreak.command.api.Events.ComponentStatusSet;
import io.firebreak.command.api.Events.CustomerEmailSent;
import io.firebreak.command.api.Events.PublicWordingEdited;
import io.firebreak.command.api.Events.StatusPageHidden;
import io.firebreak.command.api.Events.StatusPagePublished;
import io.firebreak.command.api.Events.ContainmentStepRecorded;
import io.firebreak.command.api.Events.VideoBridgeAttached;
import io.firebreak.command.api.IncidentRole;
import io.firebreak.command.api.Events.CustomerImpactChanged;
import io.firebreak.command.api.Events.IncidentClosed;
import io.firebreak.command.api.Events.IncidentDeclared;
import io.firebreak.command.api.Events.IncidentReopened;
import io.firebreak.command.api.Events.IncidentResolved;
import io.firebreak.command.api.Events.RoleAssigned;
import io.firebreak.command.api.Events.SeverityChanged;
import io.firebreak.command.api.Events.StatusChanged;
import io.firebreak.command.api.Events.UpdatePosted;
import io.firebreak.command.api.IncidentStatus;
import io.firebreak.command.readmodel.IncidentView.ContainmentStep;
import io.firebreak.command.readmodel.IncidentView.LatestUpdate;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import io.firebreak.support.jdbc.SequencedUpdate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code incident_view} in step with the event store. It runs in a subscribing processor, inside the
 * command's own transaction, so a command's response already shows its effect. Every write is guarded by
 * the aggregate sequence, so replays and redeliveries change nothing.
 */
@Component
@ProcessingGroup(IncidentViewProjection.GROUP)
public class IncidentViewProjection {

    public static final String GROUP = "incident-view";

    private static final String ROLE_MERGED = "(roles::jsonb || jsonb_build_object(?::text, ?::jsonb))::text";
    private static final String ROLE_SET = "roles = " + ROLE_MERGED;

    private final JdbcTemplate jdbc;
    private final SequencedUpdate view;
    private final IncidentViewJson json;

    public IncidentViewProjection(JdbcTemplate jdbc, IncidentViewJson json) {
        this.jdbc = jdbc;
        this.view = new SequencedUpdate(jdbc, "incident_view", "version");
        this.json = json;
    }

    @EventHandler
    void on(IncidentDeclared event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(Commands.REQUEST_FINGERPRINT) String fingerprint) {
        jdbc.update("""
                INSERT INTO incident_view (incident_id, reference, title, summary, severity, reported_severity,
                    status, customer_impact, affected_services, source, source_key, channel_name, detected_at,
                    declared_at, updated_at, request_fingerprint, incident_type, drill, suspected_exposure, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (incident_id) DO NOTHING""",
                event.incidentId(), event.reference(), event.title(), event.summary(), event.severity().name(),
                event.reportedSeverity(), event.status().name(), event.customerImpact(),
                json.write(event.affectedServices()), event.source().name(), event.sourceKey(),
                event.channelName(), ts(event.detectedAt()), ts(at), ts(at), fingerprint,
                event.incidentType().name(), event.drill(), json.write(event.suspectedExposure()), sequence);
    }

    @EventHandler
    void on(SeverityChanged event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.incidentId(), sequence, at, "severity = ?", event.to().name());
    }

    @EventHandler
    void on(StatusChanged event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.incidentId(), sequence, at, "status = ?", event.to().name());
    }

    @EventHandler
    void on(UpdatePosted event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        LatestUpdate latest = new LatestUpdate(event.updateId(), event.audience().name(), event.whatIsHappening(),
                event.whoIsAffected(), event.whatWeAreDoing(), event.nextUpdateAt(), at, event.whatYouCanDo());
        update(event.incidentId(), sequence, at, "latest_update = ?, next_update_at = ?", json.write(latest),
                ts(event.nextUpdateAt()));
    }

    /**
     * As the aggregate: joining adds an investigator (the first one also fills the role), otherwise replaces. Merged
     * into the JSON columns in SQL, so the projection need not read the row it writes (one statement in the
     * command's transaction).
     */
    @EventHandler
    void on(RoleAssigned event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        String role = event.role().name();
        String person = json.write(event.assignee());
        if (event.role() != IncidentRole.INVESTIGATION_OWNER) {
            update(event.incidentId(), sequence, at, ROLE_SET, role, person);
        } else if (event.joining()) {
            update(event.incidentId(), sequence, at,
                    "investigators = (investigators::jsonb || jsonb_build_array(?::jsonb))::text,"
                            + " roles = CASE WHEN roles::jsonb -> ?::text IS NULL THEN "
                            + ROLE_MERGED + " ELSE roles END", person, role, role, person);
        } else {
            update(event.incidentId(), sequence, at, "investigators = jsonb_build_array(?::jsonb)::text, " + ROLE_SET,
                    person, role, person);
        }
    }

    /** The lever's latest record replaces its earlier one, counting the tries; the first CONTAINED step stays. */
    @EventHandler
    void on(ContainmentStepRecorded event, org.axonframework.eventhandling.DomainEventMessage<?> message) {
        long sequence = message.getSequenceNumber();
        String current = jdbc.query("SELECT containment FROM incident_view WHERE incident_id = ? AND version < ?",
                rs -> rs.next() ? rs.getString(1) : null, event.incidentId(), sequence);
        if (current == null) {
            return;
        }
        var steps = json.readContainment(current);
        ContainmentStep earlier = steps.get(event.lever());
        Instant at = message.getTimestamp();
        steps.put(event.lever(), new ContainmentStep(event.lever(), false, event.outcome(), event.note(), at,
                Actor.from(message.getMetaData()), earlier == null ? 1 : earlier.attempts() + 1));
        update(event.incidentId(), sequence, at, "containment = ?, contained_at = COALESCE(contained_at, ?)",
                json.write(steps), event.outcome() == ContainmentOutcome.CONTAINED ? ts(at) : null);
    }

    @EventHandler
    void on(CauseIdentified event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.incidentId(), sequence, at, "cause = ?, identified_at = COALESCE(identified_at, ?)",
                event.cause(), ts(at));
    }

    @EventHandler
    void on(VideoBridgeAttached event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.incidentId(), sequence, at, "video_bridge_url = ?", event.url());
    }

    /** A null title or message keeps the current one, as in the aggregate. */
    @EventHandler
    void on(StatusPagePublished event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.incidentId(), sequence, at, "status_page_published = TRUE, status_page_hidden = FALSE,"
                + " public_title = COALESCE(?, public_title), public_message = COALESCE(?, public_message)",
                event.publicTitle(), event.publicMessage());
    }

    @EventHandler
    void on(StatusPageHidden event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.incidentId(), sequence, at, "status_page_published = FALSE, status_page_hidden = TRUE");
    }

    @EventHandler
    void on(PublicWordingEdited event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.incidentId(), sequence, at,
                "public_title = COALESCE(?, public_title), public_message = COALESCE(?, public_message)",
                event.publicTitle(), event.publicMessage());
    }

    /** Merged into the JSON object in SQL, so the projection need not read the row it writes. */
    @EventHandler
    void on(ComponentStatusSet event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.incidentId(), sequence, at,
                "public_components = (public_components::jsonb || jsonb_build_object(?::text, ?::text))::text",
                event.component(), event.status().name());
    }

    @EventHandler
    void on(CustomerEmailSent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.incidentId(), sequence, at, "customer_email_sent_at = ?", ts(at));
    }

    @EventHandler
    void on(CustomerImpactChanged event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.incidentId(), sequence, at, "customer_impact = ?, affected_services = ?",
                event.customerImpact(), json.write(event.affectedServices()));
    }

    @EventHandler
    void on(IncidentResolved event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.incidentId(), sequence, at,
                "status = ?, resolution = ?, mitigated_at = ?, resolved_at = ?, next_update_at = NULL",
                IncidentStatus.RESOLVED.name(), event.resolution(), ts(event.mitigatedAt()), ts(event.resolvedAt()));
    }

    @EventHandler
    void on(IncidentReopened event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.incidentId(), sequence, at, "status = ?, resolved_at = NULL, mitigated_at = NULL",
                IncidentStatus.INVESTIGATING.name());
    }

    @EventHandler
    void on(IncidentClosed event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.incidentId(), sequence, at, "status = ?, debrief_url = ?, closed_at = ?",
                IncidentStatus.CLOSED.name(), event.debriefUrl(), ts(at));
    }

    /** Every event moves the version, including those (notes, alerts) that change no other column. */
    @EventHandler
    void on(Object anyOtherEvent, org.axonframework.eventhandling.DomainEventMessage<?> message) {
        update(message.getAggregateIdentifier(), message.getSequenceNumber(), message.getTimestamp(), null);
    }

    private void update(String incidentId, long sequence, Instant at, String assignments, Object... values) {
        Object[] args = java.util.Arrays.copyOf(values, values.length + 1);
        args[values.length] = ts(at);
        view.apply(incidentId, sequence, (assignments == null ? "" : assignments + ", ") + "updated_at = ?", args);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
