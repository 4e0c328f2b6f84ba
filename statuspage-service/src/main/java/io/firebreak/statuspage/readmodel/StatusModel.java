package io.firebreak.statuspage.readmodel;

import io.firebreak.statuspage.domain.Uptime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the public page shows, built once per change and then only read. {@code uptime} is each component's
 * bar for the last days (by component id). Incidents are newest first,
 * each with its updates newest first; maintenances by scheduled start, newest first (cancelled ones are gone).
 */
public record StatusModel(long version, Instant builtAt, String indicator, String description,
        List<ComponentState> components, List<PublicIncident> incidents, List<PublicMaintenance> maintenances,
        Map<String, Uptime.Bar> uptime) {

    public record ComponentState(String id, String name, String description, int position, String group,
            String status, Instant updatedAt) {
    }

    /**
     * A published incident; {@code message} is the comms owner's public message (may be null);
     * {@code componentStatuses} what each affected component shows while it is open (derived or set by hand).
     */
    public record PublicIncident(String id, String reference, String name, String message, String status,
            String impact, Instant createdAt, Instant updatedAt, Instant monitoringAt, Instant resolvedAt,
            List<PublicUpdate> updates, List<String> componentIds, Map<String, String> componentStatuses) {

        public boolean unresolved() {
            return !status.equals("resolved");
        }
    }

    public record PublicUpdate(String id, String status, String body, Instant createdAt) {
    }

    /** A scheduled maintenance: status scheduled, in_progress, verifying or completed (Statuspage's words). */
    public record PublicMaintenance(String id, String name, String message, String status, List<String> componentIds,
            Instant scheduledFor, Instant scheduledUntil, Instant createdAt, Instant updatedAt, Instant startedAt,
            Instant resolvedAt, List<PublicUpdate> updates) {

        public boolean upcoming() {
            return status.equals("scheduled");
        }

        public boolean active() {
            return status.equals("in_progress") || status.equals("verifying");
        }
    }

    public List<PublicIncident> unresolved() {
        return incidents.stream().filter(PublicIncident::unresolved).toList();
    }

    public List<PublicMaintenance> upcomingMaintenances() {
        return maintenances.stream().filter(PublicMaintenance::upcoming).toList();
    }

    public List<PublicMaintenance> activeMaintenances() {
        return maintenances.stream().filter(PublicMaintenance::active).toList();
    }
}
