package io.firebreak.command.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Every command the Incident aggregate handles. */
public final class Commands {

    /** Command metadata key: fingerprint of the declaration request behind an Idempotency-Key. */
    public static final String REQUEST_FINGERPRINT = "requestFingerprint";

    /**
     * Command metadata key on {@link CloseIncident}: the URL of the incident's completed debrief, as debrief-service
     * announced it; absent while no debrief is completed. Set when the command is sent, never by a caller.
     */
    public static final String COMPLETED_DEBRIEF_URL = "completedDebriefUrl";

    private Commands() {
    }

    /**
     * Declare a new incident. Reference and channel name are allocated (unique) before the command is sent;
     * {@code severity} is already normalised, {@code reportedSeverity} is the label as given. {@code type} null means
     * not given (ENGINEERING); {@code suspectedExposure} may raise the severity and makes the type SECURITY (see
     * {@code domain.ExposurePolicy}); {@code videoBridgeUrl}, when given, is attached in the same command.
     */
    public record DeclareIncident(
            @TargetAggregateIdentifier String incidentId,
            String reference,
            String channelName,
            String title,
            String summary,
            Severity severity,
            String reportedSeverity,
            boolean customerImpact,
            List<String> affectedServices,
            Person incidentLead,
            IncidentSource source,
            String sourceKey,
            Instant detectedAt,
            IncidentType type,
            boolean drill,
            List<ExposureKind> suspectedExposure,
            String videoBridgeUrl) {
    }

    public record ChangeSeverity(@TargetAggregateIdentifier String incidentId, Severity severity,
            String reason, @TargetAggregateVersion Long expectedVersion) {
    }

    public record ChangeStatus(@TargetAggregateIdentifier String incidentId, IncidentStatus status, String note,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** {@code whatYouCanDo}: a customer update's workaround (CUSTOMER audience only), or null. */
    public record PostUpdate(@TargetAggregateIdentifier String incidentId, String updateId, Audience audience,
            String whatIsHappening, String whoIsAffected, String whatWeAreDoing, Instant nextUpdateAt,
            String whatYouCanDo, @TargetAggregateVersion Long expectedVersion) {
    }

    public record AssignRole(@TargetAggregateIdentifier String incidentId, IncidentRole role, Person assignee,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Add {@code assignee} beside the role's holders instead of replacing them: several investigators
     * (docs/process.md#roles: "often two people: one drives, one checks"). Only INVESTIGATION_OWNER has several holders.
     */
    public record JoinRole(@TargetAggregateIdentifier String incidentId, IncidentRole role, Person assignee,
            @TargetAggregateVersion Long expectedVersion) {
    }

    public record AddTimelineNote(@TargetAggregateIdentifier String incidentId, NoteKind kind, String text,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Attach the monitoring alerts of one notification that are new or changed state, as one command: a storm's
     * cumulative notifications then cost one aggregate load each, not one per alert. Text is already redacted.
     */
    public record AttachAlerts(@TargetAggregateIdentifier String incidentId, String integration,
            List<AlertChange> alerts) {
    }

    /**
     * Monitoring's declaration: the incident and the notification's alerts in one command, so the new aggregate is
     * not loaded back from the event store a second time to attach them (the alert → page path; docs/process.md).
     */
    public record DeclareIncidentFromAlerts(DeclareIncident declaration, String integration,
            List<AlertChange> alerts) {
    }

    /** One alert of {@link AttachAlerts}: new, or an attached alert whose state changed. */
    public record AlertChange(String alertKey, AlertStatus status, String summary, java.util.Map<String, String> labels,
            Instant startsAt, Instant endsAt, String generatorUrl) {
    }

    public record ChangeCustomerImpact(@TargetAggregateIdentifier String incidentId, boolean customerImpact,
            List<String> affectedServices, @TargetAggregateVersion Long expectedVersion) {
    }

    public record ResolveIncident(@TargetAggregateIdentifier String incidentId, String resolution,
            Instant mitigatedAt, @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReopenIncident(@TargetAggregateIdentifier String incidentId, String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Sent by Firebreak itself (actor SYSTEM) when an incident declared without a lead has had none for
     * {@code deadline}: see the aggregate for what it does. {@code defaultLead} is the configured person to lead a
     * Major or Critical incident that no person declared (monitoring), or null.
     */
    public record EnforceLeadDeadline(@TargetAggregateIdentifier String incidentId, java.time.Duration deadline,
            Person defaultLead) {
    }

    /** Record a step of the containment checklist (docs/process.md#containment), in the levers' order. */
    public record RecordContainmentStep(@TargetAggregateIdentifier String incidentId, ContainmentLever lever,
            ContainmentOutcome outcome, String note, @TargetAggregateVersion Long expectedVersion) {
    }

    /** Record the "identified" milestone: what causes the impact; a later one corrects the cause. */
    public record IdentifyCause(@TargetAggregateIdentifier String incidentId, String cause,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Attach a video bridge (an absolute https link), replacing any earlier one. */
    public record AttachVideoBridge(@TargetAggregateIdentifier String incidentId, String url,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Publish the incident on the public status page now (the comms owner's call, whatever the automatic rules say);
     * a null title or message keeps the current public wording. Never a drill.
     */
    public record PublishStatusPage(@TargetAggregateIdentifier String incidentId, String publicTitle,
            String publicMessage, @TargetAggregateVersion Long expectedVersion) {
    }

    /** Take the incident off the public status page until it is published again by hand. */
    public record HideStatusPage(@TargetAggregateIdentifier String incidentId, String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Edit the public title or message (at least one); null keeps the current one. */
    public record EditPublicWording(@TargetAggregateIdentifier String incidentId, String publicTitle,
            String publicMessage, @TargetAggregateVersion Long expectedVersion) {
    }

    /** Set a public component's status for the incident ({@code component}: the status page's component id). */
    public record SetComponentStatus(@TargetAggregateIdentifier String incidentId, String component,
            ComponentStatus status, @TargetAggregateVersion Long expectedVersion) {
    }

    /** Send the customer e-mail of a Major or Critical incident; null subject or message sends the page's draft. */
    public record SendCustomerEmail(@TargetAggregateIdentifier String incidentId, String subject, String message,
            @TargetAggregateVersion Long expectedVersion) {
    }

    public record CloseIncident(@TargetAggregateIdentifier String incidentId, String debriefUrl,
            @TargetAggregateVersion Long expectedVersion) {
    }
}
