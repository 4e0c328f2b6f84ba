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
}
