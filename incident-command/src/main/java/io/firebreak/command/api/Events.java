package io.firebreak.command.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Incident aggregate's events as stored in the event store. Who caused each event and when travel in
 * the event message (metadata and timestamp); the public Avro contract is mapped from these.
 */
public final class Events {

    private Events() {
    }

    /**
     * {@code incidentType}, {@code drill} and {@code suspectedExposure} came with schema version 7: events stored
     * before read as ENGINEERING, no drill, nothing suspected.
     */
    public record IncidentDeclared(String incidentId, String reference, String title, String summary,
            Severity severity, String reportedSeverity, IncidentStatus status, boolean customerImpact,
            List<String> affectedServices, IncidentSource source, String sourceKey, Instant detectedAt,
            String channelName, IncidentType incidentType, boolean drill, List<ExposureKind> suspectedExposure) {

        public IncidentDeclared {
            incidentType = incidentType == null ? IncidentType.ENGINEERING : incidentType;
            suspectedExposure = suspectedExposure == null ? List.of() : List.copyOf(suspectedExposure);
        }
    }

    public record SeverityChanged(String incidentId, Severity from, Severity to, String reason) {
    }

    public record StatusChanged(String incidentId, IncidentStatus from, IncidentStatus to, String note) {
    }

    /** {@code whatYouCanDo} came with schema version 8: updates stored before read as having none. */
    public record UpdatePosted(String incidentId, String updateId, Audience audience, String whatIsHappening,
            String whoIsAffected, String whatWeAreDoing, Instant nextUpdateAt, String whatYouCanDo) {
    }

    /**
     * Without {@code joining} the assignee becomes the role's only holder ({@code previous} held it before); with it
     * (investigators only) the assignee is added beside the holders and {@code previous} is null. Events stored before
     * schema version 7 read as not joining.
     */
    public record RoleAssigned(String incidentId, IncidentRole role, Person assignee, Person previous,
            boolean joining) {
    }

    public record TimelineNoteAdded(String incidentId, NoteKind kind, String text) {
    }

    public record AlertAttached(String incidentId, String integration, String alertKey, AlertStatus status,
            String summary, Map<String, String> labels, Instant startsAt, Instant endsAt, String generatorUrl) {
    }

    public record CustomerImpactChanged(String incidentId, boolean customerImpact, List<String> affectedServices) {
    }

    public record IncidentResolved(String incidentId, String resolution, Instant mitigatedAt, Instant resolvedAt) {
    }

    public record IncidentReopened(String incidentId, String reason) {
    }

    public record IncidentClosed(String incidentId, String debriefUrl) {
    }

    /** A containment lever was pulled or skipped; {@code note} is empty when none was given. */
    public record ContainmentStepRecorded(String incidentId, ContainmentLever lever, ContainmentOutcome outcome,
            String note) {
    }

    /** The "identified" milestone. */
    public record CauseIdentified(String incidentId, String cause) {
    }

    public record VideoBridgeAttached(String incidentId, String url) {
    }

    /** Published on the status page by hand; a null title or message keeps the current public wording. */
    public record StatusPagePublished(String incidentId, String publicTitle, String publicMessage) {
    }

    /** Taken off the status page by hand; {@code reason} is internal. */
    public record StatusPageHidden(String incidentId, String reason) {
    }

    /** A null title or message keeps the current one. */
    public record PublicWordingEdited(String incidentId, String publicTitle, String publicMessage) {
    }

    public record ComponentStatusSet(String incidentId, String component, ComponentStatus status) {
    }

    /** A null subject or message means the status page's draft. */
    public record CustomerEmailSent(String incidentId, String subject, String message) {
    }
}
