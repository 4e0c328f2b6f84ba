package io.firebreak.command.web.integrations;

import io.firebreak.support.input.RedactSecrets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A PagerDuty Events API v2 event, field for field. */
@JsonIgnoreProperties(ignoreUnknown = true)
@RedactSecrets
public record PagerDutyEvent(
        @JsonProperty("routing_key") String routingKey,
        @JsonProperty("event_action") String eventAction,
        @JsonProperty("dedup_key") MonitoringKey dedupKey,
        Payload payload,
        List<Map<String, Object>> links,
        List<Map<String, Object>> images,
        String client,
        @JsonProperty("client_url") String clientUrl) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payload(String summary, String source, String severity, String timestamp, String component,
            String group, @JsonProperty("class") String eventClass,
            @JsonProperty("custom_details") Object customDetails) {
    }
}
