package io.firebreak.notification.readmodel;

import java.time.Instant;

/**
 * One open incident's paging at a glance, for the console's board: where the escalation stands, who acknowledged
 * (the display name the page row keeps) and when, the newest page and how many were sent. Field names are the API's.
 */
public record EscalationSummary(
        String incidentId,
        EscalationState state,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Instant lastPagedAt,
        int pagesSent) {
}
