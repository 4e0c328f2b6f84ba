package io.firebreak.command.readmodel;

import io.firebreak.command.api.IncidentRole;
import io.firebreak.command.api.IncidentSource;
import io.firebreak.command.api.IncidentStatus;
import io.firebreak.command.api.Person;
import io.firebreak.command.api.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An incident as dashboards see it; {@code version} is the aggregate sequence of the last event applied. */
public record IncidentView(
        String id,
        String reference,
        String title,
        String summary,
        Severity severity,
        String reportedSeverity,
        IncidentStatus status,
        boolean customerImpact,
        List<String> affectedServices,
        IncidentSource source,
        String sourceKey,
        String channelName,
        Instant detectedAt,
        Instant declaredAt,
        Instant updatedAt,
        Instant mitigatedAt,
        Instant resolvedAt,
        Instant closedAt,
        String resolution,
        String debriefUrl,
        Map<IncidentRole, Person> roles,
        LatestUpdate latestUpdate,
        Instant nextUpdateAt,
        long version) {

    /** The most recent update, internal or customer-facing. */
    public record LatestUpdate(String updateId, String audience, String whatIsHappening, String whoIsAffected,
            String whatWeAreDoing, Instant nextUpdateAt, Instant postedAt) {
    }
}
