package io.firebreak.statuspage.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The public page: its name, components and what gets published ({@code firebreak.statuspage.*}). */
@ConfigurationProperties("firebreak.statuspage")
public class StatusPageProperties {

    private String pageId = "firebreak";
    private String name = "Firebreak Status";
    private String url = "http://127.0.0.1:8082";
    /** Severities published as soon as they have customer impact (docs/process.md#status-page: Critical updates the page). */
    private Set<String> publishAtOnce = Set.of("CRITICAL");
    /** Severities published when their first customer update is posted. */
    private Set<String> publishOnCustomerUpdate = Set.of("MAJOR");
    private int historyDays = 14;
    private List<Component> components = new ArrayList<>();
    /** Days of per-component uptime bars on the page (Statuspage shows 90). */
    private int uptimeDays = 90;

    public String getPageId() {
        return pageId;
    }

    public void setPageId(String pageId) {
        this.pageId = pageId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Set<String> getPublishAtOnce() {
        return publishAtOnce;
    }

    public void setPublishAtOnce(Set<String> publishAtOnce) {
        this.publishAtOnce = publishAtOnce;
    }

    public Set<String> getPublishOnCustomerUpdate() {
        return publishOnCustomerUpdate;
    }

    public void setPublishOnCustomerUpdate(Set<String> publishOnCustomerUpdate) {
        this.publishOnCustomerUpdate = publishOnCustomerUpdate;
    }

    public int getHistoryDays() {
        return historyDays;
    }

    public void setHistoryDays(int historyDays) {
        this.historyDays = historyDays;
    }

    public List<Component> getComponents() {
        return components;
    }

    public void setComponents(List<Component> components) {
        this.components = components;
    }

    public int getUptimeDays() {
        return uptimeDays;
    }

    public void setUptimeDays(int uptimeDays) {
        this.uptimeDays = uptimeDays;
    }

    /** A public component and the internal service names (affectedServices) that map onto it. */
    public static class Component {

        private String id;
        private String name;
        private String description;
        private int position;
        private String group;
        private List<String> services = new ArrayList<>();

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public int getPosition() {
            return position;
        }

        public void setPosition(int position) {
            this.position = position;
        }

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public List<String> getServices() {
            return services;
        }

        public void setServices(List<String> services) {
            this.services = services;
        }
    }
}
