package io.firebreak.command.web.integrations;

import io.firebreak.support.input.RedactSecrets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's webhook body (version 4). Unknown fields (notification_reason, routeLabels, Grafana's extras)
 * are tolerated: monitoring cannot fix its payload.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@RedactSecrets
public record AlertmanagerPayload(String version, MonitoringKey groupKey, Integer truncatedAlerts, String status,
        String receiver, Map<String, String> groupLabels, Map<String, String> commonLabels,
        Map<String, String> commonAnnotations, String externalURL, List<Alert> alerts) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(String status, Map<String, String> labels, Map<String, String> annotations,
            @JsonDeserialize(using = MonitoringTime.class) Instant startsAt,
            @JsonDeserialize(using = MonitoringTime.class) Instant endsAt, String generatorURL, String fingerprint) {
    }
}
