package io.firebreak.notification.oncall;

import java.time.Instant;

/** One change to the on-call model: who made it, when, to what, and the item as it was written (null: deleted). */
public record AuditEntry(long id, Instant at, String actorId, String actorName, String entity, String entityId,
        String action, String body) {
}
