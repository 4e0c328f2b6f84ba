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

    public record IncidentDeclared(String incidentId, String reference, String title, String summary,
            Severity severity, String reportedSeverity, IncidentStatus status, boolean customerImpact,
            List<String> affectedServices, IncidentSource source, String sourceKey, Instant detectedAt,
            String channelName) {
    }

    public record SeverityChanged(String incidentId, Severity from, Severity to, String reason) {
    }

    public record StatusChanged(String incidentId, IncidentStatus from, IncidentStatus to, String note) {
    }

    public record UpdatePosted(String incidentId, String updateId, Audience audience, String whatIsHappening,
            String whoIsAffected, String whatWeAreDoing, Instant nextUpdateAt) {
    }

    public record RoleAssigned(String incidentId, IncidentRole role, Person assignee, Person previous) {
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
}
