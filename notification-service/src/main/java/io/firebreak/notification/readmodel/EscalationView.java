package io.firebreak.notification.readmodel;

import java.time.Instant;
import java.util.List;

/**
 * An incident's escalation as the API shows it: where it stands, every page with its responder and ack, and the
 * pending ack timeout. Field names are the API's JSON names.
 */
public record EscalationView(
        String state,
        int level,
        int round,
        String policy,
        Instant startedAt,
        Instant updatedAt,
        String incidentId,
        List<Page> pages,
        List<PendingTimer> pending) {

    /** One page of one responder at one level and round. */
    public record Page(
            String pageId,
            int level,
            int round,
            String responderId,
            String responderName,
            String rotation,
            String state,
            Instant triggeredAt,
            Instant acknowledgedAt,
            String acknowledgedBy) {
    }

    /** A timer that has not fired yet (the ack timeout of the current level). */
    public record PendingTimer(String kind, Instant dueAt, String payload) {
    }
}
