package io.firebreak.debrief.config;

import io.firebreak.debrief.domain.DebriefForm;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code firebreak.debrief.*}. */
@ConfigurationProperties("firebreak.debrief")
public class DebriefProperties {

    /** Debrief form required per severity (docs/process.md#debrief-forms: Minor optional, Major short, Critical full). */
    private Map<String, DebriefForm> forms = new LinkedHashMap<>(Map.of("MINOR", DebriefForm.OPTIONAL,
            "MAJOR", DebriefForm.SHORT, "CRITICAL", DebriefForm.FULL));

    /** How long after resolution a required debrief is due. */
    private Duration dueAfterResolution = Duration.ofHours(48);

    /** This service's public base URL, for debrief links. */
    private String publicUrl = "http://127.0.0.1:8083";

    /** The status page's base URL, for the key-information section. */
    private String statusPageUrl = "http://127.0.0.1:8082";

    /** Follow-ups mirrored to Linear; off unless an API key and a team are set. */
    private final Linear linear = new Linear();

    public Linear getLinear() {
        return linear;
    }

    public Map<String, DebriefForm> getForms() {
        return forms;
    }

    public void setForms(Map<String, DebriefForm> forms) {
        this.forms = forms;
    }

    public Duration getDueAfterResolution() {
        return dueAfterResolution;
    }

    public void setDueAfterResolution(Duration dueAfterResolution) {
        this.dueAfterResolution = dueAfterResolution;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public void setPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String getStatusPageUrl() {
        return statusPageUrl;
    }

    public void setStatusPageUrl(String statusPageUrl) {
        this.statusPageUrl = statusPageUrl;
    }

    /** {@code firebreak.debrief.linear.*}: where follow-ups become Linear issues, and how the sync retries. */
    public static class Linear {

        /** A Linear API key ({@code FIREBREAK_LINEAR_API_KEY}), sent as {@code Authorization: <key>}; blank: no sync. */
        private String apiKey = "";

        /** The team whose issues follow-ups become ({@code FIREBREAK_LINEAR_TEAM_ID}, Linear's team id). */
        private String teamId = "";

        /** Linear's GraphQL endpoint ({@code FIREBREAK_LINEAR_API_URL}); tests point it at a stand-in. */
        private String apiUrl = "https://api.linear.app/graphql";

        /** The webhook's signing secret ({@code FIREBREAK_LINEAR_WEBHOOK_SECRET}); blank: every delivery is refused. */
        private String webhookSecret = "";

        /** The label every follow-up issue carries, found or created by name. */
        private String label = "post-mortem";

        /** How often the worker looks for due work. */
        private Duration pollInterval = Duration.ofSeconds(1);

        /** The first retry's delay after a failed call; doubled each time up to {@link #retryMax}. */
        private Duration retryBase = Duration.ofSeconds(5);

        private Duration retryMax = Duration.ofMinutes(15);

        /** How far a webhook's {@code webhookTimestamp} may be from now (Linear's advice: a minute). */
        private Duration webhookTolerance = Duration.ofMinutes(1);

        /** The time a Linear call may take. */
        private Duration requestTimeout = Duration.ofSeconds(10);

        public boolean enabled() {
            return apiKey != null && !apiKey.isBlank() && teamId != null && !teamId.isBlank();
        }

        public String getApiKey() {
            return apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        public String getTeamId() {
            return teamId;
        }

        public void setTeamId(String teamId) {
            this.teamId = teamId;
        }

        public String getApiUrl() {
            return apiUrl;
        }

        public void setApiUrl(String apiUrl) {
            this.apiUrl = apiUrl;
        }

        public String getWebhookSecret() {
            return webhookSecret;
        }

        public void setWebhookSecret(String webhookSecret) {
            this.webhookSecret = webhookSecret;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getRetryBase() {
            return retryBase;
        }

        public void setRetryBase(Duration retryBase) {
            this.retryBase = retryBase;
        }

        public Duration getRetryMax() {
            return retryMax;
        }

        public void setRetryMax(Duration retryMax) {
            this.retryMax = retryMax;
        }

        public Duration getWebhookTolerance() {
            return webhookTolerance;
        }

        public void setWebhookTolerance(Duration webhookTolerance) {
            this.webhookTolerance = webhookTolerance;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }
    }
}
