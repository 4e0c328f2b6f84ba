package io.firebreak.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.firebreak.command.api.Audience;
import io.firebreak.command.api.Commands.AddTimelineNote;
import io.firebreak.command.api.Commands.AssignRole;
import io.firebreak.command.api.Commands.AlertChange;
import io.firebreak.command.api.Commands.AttachAlerts;
import io.firebreak.command.api.Commands.AttachVideoBridge;
import io.firebreak.command.api.Commands.EditPublicWording;
import io.firebreak.command.api.Commands.HideStatusPage;
import io.firebreak.command.api.Commands.PublishStatusPage;
import io.firebreak.command.api.Commands.SendCustomerEmail;
import io.firebreak.command.api.Commands.SetComponentStatus;
import io.firebreak.command.api.ComponentStatus;
import io.firebreak.command.api.Events.ComponentStatusSet;
import io.firebreak.command.api.Events.CustomerEmailSent;
import io.firebreak.command.api.Events.PublicWordingEdited;
import io.firebreak.command.api.Events.StatusPageHidden;
import io.firebreak.command.api.Events.StatusPagePublished;
import io.firebreak.command.api.Commands.IdentifyCause;
import io.firebreak.command.api.Commands.JoinRole;
import io.firebreak.command.api.Commands.RecordContainmentStep;
import io.firebreak.command.api.ContainmentLever;
import io.firebreak.command.api.ContainmentOutcome;
import io.firebreak.command.api.Events.CauseIdentified;
import io.firebreak.command.api.Events.ContainmentStepRecorded;
import io.firebreak.command.api.Events.VideoBridgeAttached;
import io.firebreak.command.api.Commands.ChangeCustomerImpact;
import io.firebreak.command.api.Commands.ChangeSeverity;
import io.firebreak.command.api.Commands.ChangeStatus;
import io.firebreak.command.api.Commands.CloseIncident;
import io.firebreak.command.api.Commands.DeclareIncident;
import io.firebreak.command.api.Commands.DeclareIncidentFromAlerts;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
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
 * or Critical) and then final. Free text never carries secrets. A suspected exposure makes it a security incident
 * and may raise it ({@link ExposurePolicy}); containment levers are recorded in the order of
 * docs/process.md#containment.
 */
@Aggregate(snapshotTriggerDefinition = "incidentSnapshotTrigger", cache = "incidentCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Incident {

    /** A status page component id, as statuspage-service spells them. */
    private static final Pattern COMPONENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Clock skew tolerated on timestamps reported by clients and monitoring. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    @AggregateIdentifier
    private String id;
    private Severity severity;
    private IncidentStatus status;
    private boolean customerImpact;
    private List<String> affectedServices = new ArrayList<>();
    private Map<IncidentRole, Person> roles = new EnumMap<>(IncidentRole.class);
    /**
     * Everyone holding INVESTIGATION_OWNER, in the order they took it; the first is also {@code roles}' holder. Empty
     * in snapshots taken before several investigators existed: {@link #holders} falls back to {@code roles} then.
     */
    private List<Person> investigators = new ArrayList<>();
    /** The containment levers with at least one record. */
    private Set<ContainmentLever> containmentRecorded = EnumSet.noneOf(ContainmentLever.class);
    private String cause;
    private String videoBridgeUrl;
    private Instant declaredAt;
    private Instant firstMonitoringAt;
    /** The person who declared the incident (a HUMAN actor), or null when monitoring or Firebreak did. */
    private Person declarer;
    /**
     * The internal title (no event changes it), which the public title must never repeat, and whether this is a
     * drill, which is never public. Snapshots taken before they existed are removed by V9, so both are always set.
     */
    private String title;
    private boolean drill;
    private String publicTitle;
    private String publicMessage;
    private boolean statusPageHidden;
    /** Component statuses set by hand for this incident, by the status page's component id. */
    private Map<String, ComponentStatus> componentStatuses = new TreeMap<>();

    protected Incident() {
        // for Axon and snapshots
    }

    @CommandHandler
    public Incident(DeclareIncident command, Clock clock) {
        declare(command, clock);
    }

    /** Declared with its first alerts: checked whole, then the declaration's events and the alerts'. */
    @CommandHandler
    public Incident(DeclareIncidentFromAlerts command, Clock clock) {
        List<AlertAttached> attached = attachments(command.declaration().incidentId(), command.integration(),
                command.alerts());
        declare(command.declaration(), clock);
        attached.forEach(event -> apply(event));
    }

    private void declare(DeclareIncident command, Clock clock) {
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
        String bridge = FieldRules.httpsUrl("videoBridgeUrl", command.videoBridgeUrl());
        ExposurePolicy.Outcome policy = ExposurePolicy.apply(command.type(), command.severity(),
                command.suspectedExposure());
        // the label as given stays the reported severity, also when the policy raised the severity
        apply(new IncidentDeclared(command.incidentId(), command.reference(), title, summary == null ? "" : summary,
                policy.severity(), reported == null ? command.severity().name() : reported,
                IncidentStatus.INVESTIGATING, command.customerImpact(), services,
                Objects.requireNonNull(command.source(), "source"), sourceKey, command.detectedAt(),
                command.channelName(), policy.type(), command.drill(), policy.exposure()));
        // right after the declaration, as the IncidentDeclared schema promises its readers
        policy.notes().forEach(note -> apply(new TimelineNoteAdded(command.incidentId(), NoteKind.DECISION, note)));
        if (bridge != null) {
            apply(new VideoBridgeAttached(command.incidentId(), bridge));
        }
        if (lead != null) {
            apply(new RoleAssigned(command.incidentId(), IncidentRole.INCIDENT_LEAD, lead, null, false));
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
        if (!customer && command.whatYouCanDo() != null && !command.whatYouCanDo().isBlank()) {
            throw new InvalidFieldException("whatYouCanDo", "'whatYouCanDo' is for CUSTOMER updates: it tells"
                    + " customers what they can do meanwhile");
        }
        String whatYouCanDo = FieldRules.publicText("whatYouCanDo", command.whatYouCanDo(),
                FieldRules.MAX_PUBLIC_MESSAGE);
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
        apply(new UpdatePosted(id, command.updateId(), command.audience(), happening, affected, doing, next,
                whatYouCanDo));
    }

    @CommandHandler
    public void handle(AssignRole command, RolePolicy rolePolicy) {
        ensureNotClosed();
        if (command.role() == null) {
            throw new InvalidFieldException("role", "'role' is required");
        }
        Person assignee = FieldRules.person("assignee", command.assignee());
        List<Person> holders = holders(command.role());
        if (holders.size() == 1 && Person.same(assignee, holders.get(0))) {
            throw new IncidentRuleViolation("role-unchanged", "assignee",
                    assignee.name() + " already holds " + command.role());
        }
        ensureDistinct(command.role(), assignee, rolePolicy);
        apply(new RoleAssigned(id, command.role(), assignee, roles.get(command.role()), false));
    }

    /** Another investigator beside those there are; every one of them is bound by the distinct-roles rule. */
    @CommandHandler
    public void handle(JoinRole command, RolePolicy rolePolicy) {
        ensureNotClosed();
        if (command.role() == null) {
            throw new InvalidFieldException("role", "'role' is required");
        }
        if (command.role() != IncidentRole.INVESTIGATION_OWNER) {
            throw new InvalidFieldException("role", "Only INVESTIGATION_OWNER can have several holders; "
                    + command.role() + " is assigned, replacing its holder");
        }
        Person assignee = FieldRules.person("assignee", command.assignee());
        if (holders(command.role()).stream().anyMatch(holder -> Person.same(assignee, holder))) {
            throw new IncidentRuleViolation("role-unchanged", "assignee",
                    assignee.name() + " already holds " + command.role());
        }
        ensureDistinct(command.role(), assignee, rolePolicy);
        apply(new RoleAssigned(id, command.role(), assignee, null, true));
    }

    private void ensureDistinct(IncidentRole role, Person assignee, RolePolicy rolePolicy) {
        IncidentRole conflicting = heldElsewhere(role, assignee, rolePolicy);
        if (conflicting != null) {
            throw new IncidentRuleViolation("roles-must-be-distinct", "assignee", "On a " + severity
                    + " incident the incident lead, the comms owner and the investigation owner are three people; "
                    + assignee.name() + " is already " + conflicting);
        }
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
        attachments(id, command.integration(), command.alerts()).forEach(event -> apply(event));
    }

    private static List<AlertAttached> attachments(String incidentId, String integration, List<AlertChange> alerts) {
        String checkedIntegration = FieldRules.required("integration", integration, 200);
        List<AlertAttached> attached = new ArrayList<>();
        for (AlertChange alert : alerts == null ? List.<AlertChange>of() : alerts) {
            attached.add(attachment(incidentId, checkedIntegration, alert));
        }
        return attached;
    }

    private static AlertAttached attachment(String incidentId, String integration, AlertChange alert) {
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
        return new AlertAttached(incidentId, integration, alertKey, alert.status(), summary == null ? alertKey : summary,
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
     * A step of the containment checklist, while the incident is open. The levers of docs/process.md#containment are
     * recorded in their order: one is refused while an earlier one has no record (pulled, or NOT_APPLICABLE with the
     * reason in the note). Recording a lever again is a second try.
     */
    @CommandHandler
    public void handle(RecordContainmentStep command) {
        ensureNotClosed();
        if (!status.isActive()) {
            throw new IncidentRuleViolation("incident-resolved", "status",
                    "The incident is resolved; containment is recorded while it is open (reopen it first)");
        }
        if (command.lever() == null) {
            throw new InvalidFieldException("lever", "'lever' is required");
        }
        if (command.outcome() == null) {
            throw new InvalidFieldException("outcome", "'outcome' is required (CONTAINED, NOT_CONTAINED or"
                    + " NOT_APPLICABLE)");
        }
        String note = command.outcome() == ContainmentOutcome.NOT_APPLICABLE
                ? FieldRules.required("note", command.note(), FieldRules.MAX_TEXT)
                : FieldRules.optional("note", command.note(), FieldRules.MAX_TEXT);
        for (ContainmentLever earlier : ContainmentLever.values()) {
            if (earlier == command.lever()) {
                break;
            }
            if (!containmentRecorded.contains(earlier)) {
                throw new IncidentRuleViolation("containment-out-of-order", "lever", "Containment levers are"
                        + " recorded in order (FEATURE_FLAG_OFF, DEPLOY_ROLLBACK, MIGRATION_ROLLBACK, DATA_CORRECTION):"
                        + " record " + earlier + " before " + command.lever() + ", or mark it NOT_APPLICABLE with a"
                        + " note saying why");
            }
        }
        apply(new ContainmentStepRecorded(id, command.lever(), command.outcome(), note == null ? "" : note));
    }

    /**
     * The "identified" milestone; also after resolution (the cause is often known only once the fix holds), not once
     * closed. A later one corrects the cause, the same cause again is refused.
     */
    @CommandHandler
    public void handle(IdentifyCause command) {
        ensureNotClosed();
        String given = FieldRules.required("cause", command.cause(), FieldRules.MAX_TEXT);
        if (given.equals(cause)) {
            throw new IncidentRuleViolation("cause-unchanged", "cause", "This cause is already recorded");
        }
        apply(new CauseIdentified(id, given));
    }

    /** A call link, replacing any earlier one: absolute https, so the pinned summary never links anything else. */
    @CommandHandler
    public void handle(AttachVideoBridge command) {
        ensureNotClosed();
        String url = FieldRules.httpsUrl("url", command.url());
        if (url == null) {
            throw new InvalidFieldException("url", "'url' is required");
        }
        if (url.equals(videoBridgeUrl)) {
            throw new IncidentRuleViolation("video-bridge-unchanged", "url", "This video bridge is already attached");
        }
        apply(new VideoBridgeAttached(id, url));
    }

    /**
     * Publish on the status page by hand (issue 17): the comms owner's call, also when the automatic rules would not.
     * A drill is never public. A republish while published is allowed: it may carry new wording.
     */
    @CommandHandler
    public void handle(PublishStatusPage command) {
        ensureNotClosed();
        ensureNotDrill("publish it on the status page");
        String newTitle = publicTitle(command.publicTitle());
        String newMessage = FieldRules.publicText("publicMessage", command.publicMessage(),
                FieldRules.MAX_PUBLIC_MESSAGE);
        apply(new StatusPagePublished(id, newTitle, newMessage));
    }

    @CommandHandler
    public void handle(HideStatusPage command) {
        ensureNotClosed();
        String reason = FieldRules.optional("reason", command.reason(), FieldRules.MAX_TEXT);
        if (statusPageHidden) {
            throw new IncidentRuleViolation("status-page-already-hidden", null,
                    "The incident is already hidden from the status page; publish it to show it again");
        }
        apply(new StatusPageHidden(id, reason));
    }

    @CommandHandler
    public void handle(EditPublicWording command) {
        ensureNotClosed();
        ensureNotDrill("give it public wording");
        String newTitle = publicTitle(command.publicTitle());
        String newMessage = FieldRules.publicText("publicMessage", command.publicMessage(),
                FieldRules.MAX_PUBLIC_MESSAGE);
        if (newTitle == null && newMessage == null) {
            throw new InvalidFieldException("publicTitle", "Give 'publicTitle', 'publicMessage' or both");
        }
        if ((newTitle == null || newTitle.equals(publicTitle)) && (newMessage == null
                || newMessage.equals(publicMessage))) {
            throw new IncidentRuleViolation("public-wording-unchanged", newTitle != null ? "publicTitle"
                    : "publicMessage", "The public wording is already as given");
        }
        apply(new PublicWordingEdited(id, newTitle, newMessage));
    }

    /**
     * A public component's status for this incident. incident-command does not know the page's components: the
     * status page ignores an id it does not have; here the id need only be spelled as the page spells ids.
     */
    @CommandHandler
    public void handle(SetComponentStatus command) {
        ensureNotClosed();
        ensureNotDrill("set public component statuses");
        if (command.component() == null || !COMPONENT_ID.matcher(command.component()).matches()) {
            throw new InvalidFieldException("component", "'component' must be a status page component id:"
                    + " lowercase letters, digits and '-', starting with a letter or digit, at most 64 characters");
        }
        if (command.status() == null) {
            throw new InvalidFieldException("status", "'status' is required (OPERATIONAL, DEGRADED_PERFORMANCE,"
                    + " PARTIAL_OUTAGE, MAJOR_OUTAGE or UNDER_MAINTENANCE)");
        }
        if (command.status() == componentStatuses.get(command.component())) {
            throw new IncidentRuleViolation("component-status-unchanged", "status",
                    command.component() + " is already " + command.status());
        }
        apply(new ComponentStatusSet(id, command.component(), command.status()));
    }

    /**
     * The customer e-mail docs/process.md asks of a Critical or Major incident; it may be sent again (each sending is
     * an event the status page mails).
     */
    @CommandHandler
    public void handle(SendCustomerEmail command) {
        ensureNotClosed();
        ensureNotDrill("e-mail customers about it");
        if (!severity.isAtLeastMajor()) {
            throw new IncidentRuleViolation("customer-email-major-or-critical", "severity",
                    "Customers are e-mailed about Critical and Major incidents; this one is " + severity);
        }
        String subject = FieldRules.publicText("subject", command.subject(), FieldRules.MAX_TITLE);
        String message = FieldRules.publicText("message", command.message(), FieldRules.MAX_PUBLIC_MESSAGE);
        apply(new CustomerEmailSent(id, subject, message));
    }

    /** A public title, or null: public text that never repeats the internal title (the point of issue 17). */
    private String publicTitle(String given) {
        String candidate = FieldRules.publicText("publicTitle", given, FieldRules.MAX_TITLE);
        if (candidate != null && title != null && normalised(candidate).equals(normalised(title))) {
            throw new InvalidFieldException("publicTitle", "the public title must not be the internal title");
        }
        return candidate;
    }

    private static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private void ensureNotDrill(String what) {
        if (drill) {
            throw new IncidentRuleViolation("drill-never-public", null,
                    "This incident is a drill: drills are never public, so nobody may " + what);
        }
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
                apply(new RoleAssigned(id, IncidentRole.INCIDENT_LEAD, candidate, null, false));
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
            if (other != role && holders(other).stream().anyMatch(holder -> Person.same(person, holder))) {
                return other;
            }
        }
        return null;
    }

    /** Who holds {@code role}: one person at most, except INVESTIGATION_OWNER. */
    private List<Person> holders(IncidentRole role) {
        if (role == IncidentRole.INVESTIGATION_OWNER && !investigators.isEmpty()) {
            return investigators;
        }
        Person holder = roles.get(role);
        return holder == null ? List.of() : List.of(holder);
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
        title = event.title();
        drill = event.drill();
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
        if (event.role() != IncidentRole.INVESTIGATION_OWNER) {
            roles.put(event.role(), event.assignee());
        } else if (event.joining()) {
            List<Person> joined = new ArrayList<>(holders(IncidentRole.INVESTIGATION_OWNER));
            joined.add(event.assignee());
            investigators = joined;
            roles.putIfAbsent(event.role(), event.assignee());
        } else {
            investigators = new ArrayList<>(List.of(event.assignee()));
            roles.put(event.role(), event.assignee());
        }
    }

    @EventSourcingHandler
    void on(ContainmentStepRecorded event) {
        containmentRecorded.add(event.lever());
    }

    @EventSourcingHandler
    void on(CauseIdentified event) {
        cause = event.cause();
    }

    @EventSourcingHandler
    void on(VideoBridgeAttached event) {
        videoBridgeUrl = event.url();
    }

    @EventSourcingHandler
    void on(StatusPagePublished event) {
        statusPageHidden = false;
        publicTitle = event.publicTitle() != null ? event.publicTitle() : publicTitle;
        publicMessage = event.publicMessage() != null ? event.publicMessage() : publicMessage;
    }

    @EventSourcingHandler
    void on(StatusPageHidden event) {
        statusPageHidden = true;
    }

    @EventSourcingHandler
    void on(PublicWordingEdited event) {
        publicTitle = event.publicTitle() != null ? event.publicTitle() : publicTitle;
        publicMessage = event.publicMessage() != null ? event.publicMessage() : publicMessage;
    }

    @EventSourcingHandler
    void on(ComponentStatusSet event) {
        componentStatuses.put(event.component(), event.status());
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
