package io.firebreak.statuspage.readmodel;

import java.time.Instant;
import java.util.List;

/**
 * A scheduled maintenance as the comms owner's API returns it: who announced and last changed it included, and
 * whether it starts and completes by itself at the scheduled times.
 */
public record Maintenance(String id, String title, String message, String status, List<String> components,
        Instant scheduledFor, Instant scheduledUntil, Instant createdAt, Instant updatedAt, Instant startedAt,
        Instant resolvedAt, String createdBy, String updatedBy, boolean autoStart, boolean autoComplete) {
}
