package io.firebreak.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.firebreak.command.api.Audience;
import io.firebreak.command.api.Commands.AddTimelineNote;
import io.firebreak.command.api.Commands.AssignRole;
import io.firebreak.command.api.Commands.AlertChange;
import io.firebreak.command.api.Commands.AttachAlerts;
import io.firebreak.command.api.Commands.ChangeCustomerImpact;
import io.firebreak.command.api.Commands.ChangeSeverity;
import io.firebreak.command.api.Commands.ChangeStatus;
import io.firebreak.command.api.Commands.CloseIncident;
import io.firebreak.command.api.Commands.DeclareIncident;
import io.firebreak.command.api.Commands.EnforceLeadDeadline;
import io.firebreak.command.api.Actor;
import io.firebreak.command.api.NoteKind;
import io.firebreak.command.api.Commands.PostUpdate;
import io.firebreak.command.api.Commands.ReopenIncident;
import io.firebreak.command.api.Commands.ResolveIncident;
import io.firebreak.command.api.Events.AlertAttached;
import io.firebreak.command.api.Events.CustomerImpactChanged;
import io.firebreak.command.api.Events.IncidentClosed;
import io.firebreak.command.api.Events.IncidentDeclared;
import io.firebreak.command.api.Events.IncidentReopened;
import io.firebreak.command.api.Events.IncidentResolved;
import io.firebreak.command.api.Events.RoleAssigned;
import io.firebreak.command.api.Events.SeverityChanged;
import io.firebreak.command.api.Events.StatusChanged;
import io.firebreak.command.api.Events.TimelineNoteAdded;
import io.firebreak.command.api.Events.UpdatePosted;
import io.firebreak.command.api.IncidentRole;
import io.firebreak.command.api.IncidentStatus;
import io.firebreak.command.api.Person;
import io.firebreak.command.api.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import io.firebreak.command.api.Commands;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An incident, run by the process in docs/process.md#statuses: declared Investigating, moved among Investigating, Fixing
 * and Monitoring, resolved with a resolution, reopened with a reason, closed (with a debrief link when Major
 * or Critical) and then final. Free text never carries secrets.
 */
@Aggregate(snapshotTriggerDefinition = "incidentSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Incident {

    /** Clock skew tolerated on timestamps reported by clients and monitoring. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    @AggregateIdentifier
    private String id;
    private Severity severity;
    private IncidentStatus status;
    private boolean customerImpact;
    private List<String> affectedServices = new ArrayList<>();
    private Map<IncidentRole, Person> roles = new EnumMap<>(IncidentRole.class);
    private Instant declaredAt;
    private Instant firstMonitoringAt;
    /** The person who declared the incident (a HUMAN actor), or null when monitoring or Firebreak did. */
    private Person declarer;

    protected Incident() {
        // for Axon and snapshots
    }

    @CommandHandler
    public Incident(DeclareIncident command, Clock clock) {
        String title = FieldRules.required("title", command.title(), FieldRules.MAX_TITLE);
        String summary = FieldRules.optional("summary", command.summary(), FieldRules.MAX_TEXT);
        if (command.severity() == null) {
            throw new InvalidFieldException("severity", "'severity' is required");
        }
        String reported = FieldRules.optional("severity", command.reportedSeverity(), 50);
        List<String> services = FieldRules.services("affectedServices", command.affectedServices());
        Person lead = command.incidentLead() == null ? null : FieldRules.person("incidentLead", command.incidentLead());
        String sourceKey = FieldRules.optional("sourceKey", command.sourceKey(), 1_000);
        if (command.detectedAt() != null && command.detectedAt().isAfter(clock.instant().plus(SKEW))) {
            throw new InvalidFieldException("detectedAt", "'detectedAt' is in the future");
        }
        apply(new IncidentDeclared(command.incidentId(), command.reference(), title, summary == null ? "" : summary,
                command.severity(), reported == null ? command.severity().name() : reported,
                IncidentStatus.INVESTIGATING, command.customerImpact(), services,
                Objects.requireNonNull(command.source(), "source"), sourceKey, command.detectedAt(),
                command.channelName()));
        if (lead != null) {
            apply(new RoleAssigned(command.incidentId(), IncidentRole.INCIDENT_LEAD, lead, null));
        }
    }

    @CommandHandler
    public void handle(ChangeSeverity command) {
        ensureNotClosed();
        if (command.severity() == null) {
            throw new InvalidFieldException("severity", "'severity' is required");
        }
        if (command.severity() == severity) {
            throw new IncidentRuleViolation("severity-unchanged", "severity",
                    "The incident is already " + severity);
        }
        boolean lowering = command.severity().ordinal() < severity.ordinal();
        String reason = lowering
                ? FieldRules.required("reason", command.reason(), FieldRules.MAX_TEXT)
                : FieldRules.optional("reason", command.reason(), FieldRules.MAX_TEXT);
        apply(new SeverityChanged(id, severity, command.severity(), reason));
    }

    @CommandHandler
    public void handle(ChangeStatus command) {
        ensureNotClosed();
        IncidentStatus target = command.status();
        if (target == null) {
            throw new InvalidFieldException("status", "'status' is required");
        }
        if (!target.isActive()) {
            throw new InvalidFieldException("status", "'status' may be INVESTIGATING, FIXING or MONITORING;"
                    + " use resolve and close for " + target);
        }
        if (status == IncidentStatus.RESOLVED) {
            throw new IncidentRuleViolation("incident-resolved", "status",
                    "The incident is resolved; reopen it with a reason first");
        }
        if (target == status) {
            throw new IncidentRuleViolation("status-unchanged", "status", "The incident is already " + status);
        }
        String note = FieldRules.optional("note", command.note(), FieldRules.MAX_TEXT);
        apply(new StatusChanged(id, status, target, note));
    }

    @CommandHandler
    public void handle(PostUpdate command, Clock clock, UpdateCadence cadence) {
        ensureNotClosed();
        if (command.audience() == null) {
            throw new InvalidFieldException("audience", "'audience' is required (INTERNAL or CUSTOMER)");
        }
        boolean customer = command.audience() == Audience.CUSTOMER;
        String happening = FieldRules.required("whatIsHappening", command.whatIsHappening(), FieldRules.MAX_TEXT);
        String affected = customer
                ? FieldRules.required("whoIsAffected", command.whoIsAffected(), FieldRules.MAX_TEXT)
                : FieldRules.optional("whoIsAffected", command.whoIsAffected(), FieldRules.MAX_TEXT);
        String doing = customer
                ? FieldRules.required("whatWeAreDoing", command.whatWeAreDoing(), FieldRules.MAX_TEXT)
                : FieldRules.optional("whatWeAreDoing", command.whatWeAreDoing(), FieldRules.MAX_TEXT);
        Instant now = clock.instant();
        Instant next = command.nextUpdateAt();
        if (next != null && !next.isAfter(now)) {
            throw new InvalidFieldException("nextUpdateAt", "'nextUpdateAt' must be in the future");
        }
        if (next == null && status.isActive()) {
            next = cadence.intervalFor(severity).map(now::plus).orElse(null);
        }
        if (customer && next == null && status.isActive()) {
            throw new InvalidFieldException("nextUpdateAt",
                    "Customer updates must say when the next update comes ('nextUpdateAt' or 'nextUpdateInMinutes')");
        }
        apply(new UpdatePosted(id, command.updateId(), command.audience(), happening, affected, doing, next));
    }

    @CommandHandler
    public void handle(AssignRole command, RolePolicy rolePolicy) {
        ensureNotClosed();
        if (command.role() == null) {
            throw new InvalidFieldException("role", "'role' is required");
        }
        Person assignee = FieldRules.person("assignee", command.assignee());
        Person previous = roles.get(command.role());
        if (Person.same(assignee, previous)) {
            throw new IncidentRuleViolation("role-unchanged", "assignee",
                    assignee.name() + " already holds " + command.role());
        }
        IncidentRole conflicting = heldElsewhere(command.role(), assignee, rolePolicy);
        if (conflicting != null) {
            throw new IncidentRuleViolation("roles-must-be-distinct", "assignee", "On a " + severity
                    + " incident the incident lead, the comms owner and the investigation owner are three people; "
                    + assignee.name() + " is already " + conflicting);
        }
        apply(new RoleAssigned(id, command.role(), assignee, previous));
    }

    @CommandHandler
    public void handle(AddTimelineNote command) {
        ensureNotClosed();
        if (command.kind() == null) {
            throw new InvalidFieldException("kind", "'kind' is required");
        }
        String text = FieldRules.required("text", command.text(), FieldRules.MAX_TEXT);
        apply(new TimelineNoteAdded(id, command.kind(), text));
    }

    /** Every alert is checked before any is applied, so a notification is attached whole or not at all. */
    @CommandHandler
    public void handle(AttachAlerts command) {
        ensureNotClosed();
        String integration = FieldRules.required("integration", command.integration(), 200);
        List<AlertAttached> attached = new ArrayList<>();
        for (AlertChange alert : command.alerts() == null ? List.<AlertChange>of() : command.alerts()) {
            attached.add(attachment(integration, alert));
        }
        for (AlertAttached event : attached) {
            apply(event);
        }
    }

    private AlertAttached attachment(String integration, AlertChange alert) {
        String alertKey = FieldRules.required("alertKey", alert.alertKey(), 500);
        if (alert.status() == null || alert.startsAt() == null) {
            throw new InvalidFieldException(alert.status() == null ? "status" : "startsAt",
                    "An alert needs a status and a start time");
        }
        String summary = FieldRules.optional("summary", alert.summary(), FieldRules.MAX_TEXT);
        Map<String, String> labels = new TreeMap<>();
        if (alert.labels() != null) {
            alert.labels().forEach((name, value) -> labels.put(FieldRules.required("labels", name, 200),
                    FieldRules.optional("labels." + name, value, 2_000)));
        }
        return new AlertAttached(id, integration, alertKey, alert.status(), summary == null ? alertKey : summary,
                labels, alert.startsAt(), alert.endsAt(), FieldRules.httpUrl("generatorUrl", alert.generatorUrl()));
    }

    @CommandHandler
    public void handle(ChangeCustomerImpact command) {
        ensureNotClosed();
        List<String> services = FieldRules.services("affectedServices", command.affectedServices());
        if (command.customerImpact() == customerImpact && services.equals(affectedServices)) {
            throw new IncidentRuleViolation("customer-impact-unchanged", "customerImpact",
                    "Customer impact and affected services are already as given");
        }
        apply(new CustomerImpactChanged(id, command.customerImpact(), services));
    }

    @CommandHandler
    public void handle(ResolveIncident command, Clock clock) {
        ensureNotClosed();
        if (!status.isActive()) {
            throw new IncidentRuleViolation("incident-resolved", "status", "The incident is already resolved");
        }
        String resolution = FieldRules.required("resolution", command.resolution(), FieldRules.MAX_TEXT);
        Instant now = clock.instant();
        Instant mitigatedAt = command.mitigatedAt();
        if (mitigatedAt != null && (mitigatedAt.isAfter(now.plus(SKEW)) || mitigatedAt.isBefore(declaredAt.minus(SKEW)))) {
            throw new InvalidFieldException("mitigatedAt", "'mitigatedAt' must lie between the declaration and now");
        }
        if (mitigatedAt == null) {
            mitigatedAt = firstMonitoringAt != null ? firstMonitoringAt : now;
        }
        apply(new IncidentResolved(id, resolution, mitigatedAt, now));
    }

    @CommandHandler
    public void handle(ReopenIncident command) {
        ensureNotClosed();
        if (status != IncidentStatus.RESOLVED) {
            throw new IncidentRuleViolation("incident-not-resolved", "status",
                    "Only a resolved incident can be reopened; it is " + status);
        }
        String reason = FieldRules.required("reason", command.reason(), FieldRules.MAX_TEXT);
        apply(new IncidentReopened(id, reason));
    }

    /**
     * A Major or Critical incident closes only after its debrief is completed in debrief-service, and with that
     * debrief's URL ({@code completedDebriefUrl}, set from {@code firebreak.debrief-events} when the command is sent);
     * a URL in the request does not stand in for it. A Minor incident closes at once, with the URL given if any.
     */
    @CommandHandler
    public void handle(CloseIncident command, @MetaDataValue(Commands.COMPLETED_DEBRIEF_URL) String completedDebriefUrl) {
        ensureNotClosed();
        if (status != IncidentStatus.RESOLVED) {
            throw new IncidentRuleViolation("incident-not-resolved", "status",
                    "Only a resolved incident can be closed; it is " + status);
        }
        String debriefUrl = FieldRules.httpUrl("debriefUrl", command.debriefUrl());
        if (severity.isAtLeastMajor()) {
            if (completedDebriefUrl == null) {
                throw new IncidentRuleViolation("debrief-not-completed", "debrief", "A " + severity
                        + " incident closes only after its debrief is completed (debrief-service: POST"
                        + " /api/v1/incidents/" + id + "/debrief/complete); no completed debrief has arrived for it");
            }
            debriefUrl = completedDebriefUrl;
        }
        apply(new IncidentClosed(id, debriefUrl));
    }

    /**
     * An incident declared without a lead has had none for {@code deadline} (docs/process.md: Major and Critical must
     * have a lead; Minor incidents are prompted). Major/Critical: the person who declared it becomes the lead, or,
     * when monitoring declared it, the configured default lead; with neither (or when that person already wears
     * another hat that must stay distinct) only a MILESTONE note tells the channel. Minor: a MILESTONE note. Nothing
     * happens once the incident has a lead or is resolved.
     */
    @CommandHandler
    public void handle(EnforceLeadDeadline command, RolePolicy rolePolicy) {
        if (roles.containsKey(IncidentRole.INCIDENT_LEAD) || status == null || !status.isActive()) {
            return;
        }
        String after = "No lead after " + minutes(command.deadline());
        if (!severity.isAtLeastMajor()) {
            apply(new TimelineNoteAdded(id, NoteKind.MILESTONE, after + "; someone should take the lead"
                    + " (/inc lead or PUT /api/v1/incidents/" + id + "/roles/INCIDENT_LEAD)"));
            return;
        }
        Person candidate = declarer != null ? declarer : command.defaultLead();
        String why = declarer != null ? ", who declared the incident," : ", the default lead,";
        if (candidate != null) {
            IncidentRole conflicting = heldElsewhere(IncidentRole.INCIDENT_LEAD, candidate, rolePolicy);
            if (conflicting == null) {
                apply(new RoleAssigned(id, IncidentRole.INCIDENT_LEAD, candidate, null));
                apply(new TimelineNoteAdded(id, NoteKind.MILESTONE, after + ": " + candidate.name() + why
                        + " is now the incident lead"));
                return;
            }
            apply(new TimelineNoteAdded(id, NoteKind.MILESTONE, after + " on a " + severity + " incident; "
                    + candidate.name() + " is already " + conflicting + ", so someone else must take the lead"));
            return;
        }
        apply(new TimelineNoteAdded(id, NoteKind.MILESTONE, after + " on a " + severity
                + " incident and no default lead is configured; someone must take the lead now"));
    }

    /** The other role {@code person} holds that must not be combined with {@code role} here, or null. */
    private IncidentRole heldElsewhere(IncidentRole role, Person person, RolePolicy rolePolicy) {
        if (!rolePolicy.rolesDistinctOn(severity)) {
            return null;
        }
        for (IncidentRole other : IncidentRole.values()) {
            if (other != role && Person.same(person, roles.get(other))) {
                return other;
            }
        }
        return null;
    }

    private static String minutes(Duration deadline) {
        long minutes = deadline.toMinutes();
        return minutes >= 1 ? minutes + (minutes == 1 ? " minute" : " minutes") : deadline.toSeconds() + " seconds";
    }

    private void ensureNotClosed() {
        if (status == IncidentStatus.CLOSED) {
            throw new IncidentRuleViolation("incident-closed", null, "The incident is closed; closed is final");
        }
    }

    @EventSourcingHandler
    void on(IncidentDeclared event, @Timestamp Instant at, @MetaDataValue(Actor.ID) String actorId,
            @MetaDataValue(Actor.NAME) String actorName, @MetaDataValue(Actor.KIND) String actorKind) {
        id = event.incidentId();
        // a person declared it (HTTP, CLI, Slack): they lead if nobody else does in time; monitoring is no person
        declarer = actorId != null && "HUMAN".equals(actorKind)
                ? new Person(actorId, actorName == null ? actorId : actorName, null, null) : null;
        severity = event.severity();
        status = event.status();
        customerImpact = event.customerImpact();
        affectedServices = new ArrayList<>(event.affectedServices());
        declaredAt = at;
    }

    @EventSourcingHandler
    void on(SeverityChanged event) {
        severity = event.to();
    }

    @EventSourcingHandler
    void on(StatusChanged event, @Timestamp Instant at) {
        status = event.to();
        if (status == IncidentStatus.MONITORING && firstMonitoringAt == null) {
            firstMonitoringAt = at;
        }
    }

    @EventSourcingHandler
    void on(RoleAssigned event) {
        roles.put(event.role(), event.assignee());
    }

    @EventSourcingHandler
    void on(CustomerImpactChanged event) {
        customerImpact = event.customerImpact();
        affectedServices = new ArrayList<>(event.affectedServices());
    }

    @EventSourcingHandler
    void on(IncidentResolved event) {
        status = IncidentStatus.RESOLVED;
    }

    @EventSourcingHandler
    void on(IncidentReopened event) {
        status = IncidentStatus.INVESTIGATING;
        // a reopened incident is mitigated anew: its next Monitoring is what resolve defaults to
        firstMonitoringAt = null;
    }

    @EventSourcingHandler
    void on(IncidentClosed event) {
        status = IncidentStatus.CLOSED;
    }
}
