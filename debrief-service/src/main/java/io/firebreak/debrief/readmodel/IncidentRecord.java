package io.firebreak.debrief.readmodel;

import java.time.Instant;
import java.util.Map;

/**
 * An incident as the debrief sees it: facts and milestones. {@code incidentType} is the name of the schema's
 * IncidentType; a {@code drill} is left out of the metrics. {@code identifiedAt} is the first CauseIdentified
 * ({@code cause} the last one's text), {@code containedAt} the first CONTAINED containment step.
 */
public record IncidentRecord(String id, String reference, String title, String summary, String severity,
        String reportedSeverity, String status, boolean customerImpact, String affectedServices, String channelName,
        Map<String, String> roles, String resolution, String debriefUrl, Instant detectedAt, Instant declaredAt,
        Instant acknowledgedAt, Instant firstUpdateAt, Instant mitigatedAt, Instant resolvedAt, Instant closedAt,
        Instant debriefCompletedAt, String noFollowUpReason, String incidentType, boolean drill, String cause,
        Instant identifiedAt, Instant containedAt) {

    /** When the clock of every response metric starts: first detection, else the declaration. */
    public Instant start() {
        return detectedAt != null && detectedAt.isBefore(declaredAt) ? detectedAt : declaredAt;
    }
}
