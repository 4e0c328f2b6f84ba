package io.firebreak.statuspage.readmodel;

import java.time.Instant;
import java.util.List;

/**
 * Everything the public page shows, built once per change and then only read. Incidents are newest first,
 * each with its updates newest first.
 */
public record StatusModel(long version, Instant builtAt, String indicator, String description,
        List<ComponentState> components, List<PublicIncident> incidents) {

    public record ComponentState(String id, String name, String description, int position, String group,
            String status, Instant updatedAt) {
    }

    public record PublicIncident(String id, String reference, String name, String status, String impact,
            Instant createdAt, Instant updatedAt, Instant monitoringAt, Instant resolvedAt, List<PublicUpdate> updates,
            List<String> componentIds) {

        public boolean unresolved() {
            return !status.equals("resolved");
        }
    }

    public record PublicUpdate(String id, String status, String body, Instant createdAt) {
    }

    public List<PublicIncident> unresolved() {
        return incidents.stream().filter(PublicIncident::unresolved).toList();
    }
}
