package io.firebreak.debrief.readmodel;

import java.time.Instant;
import java.util.Map;

/** An incident as the debrief sees it: facts and milestones. */
public record IncidentRecord(String id, String reference, String title, String summary, String severity,
        String reportedSeverity, String status, boolean customerImpact, String affectedServices, String channelName,
        Map<String, String> roles, String resolution, String debriefUrl, Instant detectedAt, Instant declaredAt,
        Instant acknowledgedAt, Instant firstUpdateAt, Instant mitigatedAt, Instant resolvedAt, Instant closedAt,
        Instant debriefCompletedAt, String noFollowUpReason) {

    /** When the clock of every response metric starts: first detection, else the declaration. */
    public Instant start() {
        return detectedAt != null && detectedAt.isBefore(declaredAt) ? detectedAt : declaredAt;
    }
}
