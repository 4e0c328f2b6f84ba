package io.firebreak.command.application;

import io.firebreak.command.api.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Monitoring integrations ({@code firebreak.integrations.*}). */
@ConfigurationProperties("firebreak.integrations")
public class IntegrationSettings {

    /** Alert severity label values (lower case) to Firebreak severities; anything else is MINOR. */
    private Map<String, Severity> severityMap = new LinkedHashMap<>(Map.of(
            "critical", Severity.CRITICAL, "error", Severity.MAJOR, "warning", Severity.MAJOR));

    /** Alertmanager label naming the affected service. */
    private String serviceLabel = "service";

    /** Resolve MINOR incidents by themselves when every alert of their group resolved. */
    private boolean autoResolveMinor = false;

    /** PagerDuty Events API v2 routing keys accepted, each naming an integration. */
    private List<RoutingKey> pagerduty = new ArrayList<>();

    public Severity severityOf(String label) {
        if (label == null) {
            return Severity.MINOR;
        }
        return severityMap.getOrDefault(label.trim().toLowerCase(Locale.ROOT), Severity.MINOR);
    }

    public Map<String, Severity> getSeverityMap() {
        return severityMap;
    }

    public void setSeverityMap(Map<String, Severity> severityMap) {
        this.severityMap = new LinkedHashMap<>();
        severityMap.forEach((k, v) -> this.severityMap.put(k.toLowerCase(Locale.ROOT), v));
    }

    public String getServiceLabel() {
        return serviceLabel;
    }

    public void setServiceLabel(String serviceLabel) {
        this.serviceLabel = serviceLabel;
    }

    public boolean isAutoResolveMinor() {
        return autoResolveMinor;
    }

    public void setAutoResolveMinor(boolean autoResolveMinor) {
        this.autoResolveMinor = autoResolveMinor;
    }

    public List<RoutingKey> getPagerduty() {
        return pagerduty;
    }

    public void setPagerduty(List<RoutingKey> pagerduty) {
        this.pagerduty = pagerduty;
    }

    /** A routing key (the credential PagerDuty senders present) and the integration name it stands for. */
    public static class RoutingKey {

        private String name;
        private String key;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        @Override
        public String toString() {
            return "RoutingKey[" + name + "]";
        }
    }
}
