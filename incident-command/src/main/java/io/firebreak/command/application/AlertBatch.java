package io.firebreak.command.application;

import io.firebreak.command.api.AlertStatus;
import io.firebreak.command.api.IncidentSource;
import io.firebreak.command.api.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One notification from a monitoring integration, normalised: the group it belongs to, what to declare if
 * the group has no open incident, and the state of each alert in it. Free text is already redacted.
 *
 * @param groupKey     the integration's grouping or dedup key (Alertmanager groupKey, PagerDuty dedup_key),
 *                     redacted: what is stored and shown
 * @param groupKeyHash the digest of the key as sent: the alert group's identity
 */
public record AlertBatch(String integration, IncidentSource source, String groupKey, String groupKeyHash,
        String title, String summary,
        Severity severity, String reportedSeverity, List<String> affectedServices, List<Alert> alerts) {

    /** One alert of the group as last reported. */
    public record Alert(String alertKey, AlertStatus status, String summary, Map<String, String> labels,
            Instant startsAt, Instant endsAt, String generatorUrl) {
    }

    public boolean anyFiring() {
        return alerts.stream().anyMatch(a -> a.status() == AlertStatus.FIRING);
    }
}
