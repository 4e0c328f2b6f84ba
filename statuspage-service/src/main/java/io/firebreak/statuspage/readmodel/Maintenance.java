package io.firebreak.statuspage.readmodel;

import java.time.Instant;
import java.util.List;

/** A scheduled maintenance as the comms owner's API returns it: who announced and last changed it included. */
public record Maintenance(String id, String title, String message, String status, List<String> components,
        Instant scheduledFor, Instant scheduledUntil, Instant createdAt, Instant updatedAt, Instant startedAt,
        Instant resolvedAt, String createdBy, String updatedBy) {
}
