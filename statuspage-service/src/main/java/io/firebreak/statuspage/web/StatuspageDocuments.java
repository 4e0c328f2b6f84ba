package io.firebreak.statuspage.web;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.readmodel.StatusModel;
import io.firebreak.statuspage.readmodel.StatusModel.ComponentState;
import io.firebreak.statuspage.readmodel.StatusModel.PublicIncident;
import io.firebreak.statuspage.readmodel.StatusModel.PublicMaintenance;
import io.firebreak.statuspage.readmodel.StatusModel.PublicUpdate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Atlassian Statuspage public API v2 documents (same paths, same field names), so existing widgets and
 * clients work against Firebreak.
 */
final class StatuspageDocuments {

    private static final int RECENT_INCIDENTS = 50;

    private final StatusPageProperties page;

    StatuspageDocuments(StatusPageProperties page) {
        this.page = page;
    }

    Map<String, Object> summary(StatusModel model) {
        Map<String, Object> doc = withPage(model);
        doc.put("components", components(model));
        doc.put("incidents", incidents(model, model.unresolved()));
        // as Statuspage's summary: the upcoming and in-progress maintenances
        List<PublicMaintenance> open = model.maintenances().stream().filter(m -> m.upcoming() || m.active()).toList();
        doc.put("scheduled_maintenances", maintenanceDocs(model, open));
        doc.put("status", status(model));
        return doc;
    }

    Map<String, Object> status(StatusModel model, boolean withPage) {
        Map<String, Object> doc = withPage(model);
        doc.put("status", status(model));
        return doc;
    }

    Map<String, Object> components(StatusModel model, boolean withPage) {
        Map<String, Object> doc = withPage(model);
        doc.put("components", components(model));
        return doc;
    }

    Map<String, Object> incidents(StatusModel model, boolean unresolvedOnly) {
        Map<String, Object> doc = withPage(model);
        List<PublicIncident> incidents = unresolvedOnly ? model.unresolved()
                : model.incidents().subList(0, Math.min(RECENT_INCIDENTS, model.incidents().size()));
        doc.put("incidents", incidents(model, incidents));
        return doc;
    }

    /** {@code /scheduled-maintenances.json} (all), {@code /upcoming.json} and {@code /active.json}. */
    Map<String, Object> maintenances(StatusModel model, List<PublicMaintenance> maintenances) {
        Map<String, Object> doc = withPage(model);
        doc.put("scheduled_maintenances", maintenanceDocs(model, maintenances));
        return doc;
    }

    private List<Map<String, Object>> maintenanceDocs(StatusModel model, List<PublicMaintenance> maintenances) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (PublicMaintenance m : maintenances) {
            List<Map<String, Object>> affected = new ArrayList<>();
            List<Map<String, Object>> components = new ArrayList<>();
            for (ComponentState c : model.components()) {
                if (m.componentIds().contains(c.id())) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("code", c.id());
                    a.put("name", c.name());
                    a.put("old_status", "operational");
                    a.put("new_status", m.active() ? "under_maintenance" : "operational");
                    affected.add(a);
                    Map<String, Object> component = new LinkedHashMap<>();
                    component.put("id", c.id());
                    component.put("name", c.name());
                    component.put("status", c.status());
                    components.add(component);
                }
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", m.id());
            doc.put("name", m.name());
            doc.put("status", m.status());
            doc.put("created_at", time(m.createdAt()));
            doc.put("updated_at", time(m.updatedAt()));
            doc.put("monitoring_at", null);
            doc.put("resolved_at", time(m.resolvedAt()));
            doc.put("impact", "maintenance");
            doc.put("shortlink", page.getUrl() + "/incidents/" + m.id());
            doc.put("started_at", time(m.startedAt() != null ? m.startedAt() : m.scheduledFor()));
            doc.put("page_id", page.getPageId());
            doc.put("incident_updates", updates(m.id(), m.updates(), affected));
            doc.put("components", components);
            doc.put("scheduled_for", time(m.scheduledFor()));
            doc.put("scheduled_until", time(m.scheduledUntil()));
            docs.add(doc);
        }
        return docs;
    }

    private static List<Map<String, Object>> updates(String incidentId, List<PublicUpdate> updates,
            List<Map<String, Object>> affected) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (PublicUpdate update : updates) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("id", update.id());
            u.put("status", update.status());
            u.put("body", update.body());
            u.put("incident_id", incidentId);
            u.put("created_at", time(update.createdAt()));
            u.put("updated_at", time(update.createdAt()));
            u.put("display_at", time(update.createdAt()));
            u.put("affected_components", affected);
            u.put("deliver_notifications", true);
            u.put("custom_tweet", null);
            u.put("tweet_id", null);
            docs.add(u);
        }
        return docs;
    }

    private Map<String, Object> withPage(StatusModel model) {
        Map<String, Object> pageDoc = new LinkedHashMap<>();
        pageDoc.put("id", page.getPageId());
        pageDoc.put("name", page.getName());
        pageDoc.put("url", page.getUrl());
        pageDoc.put("time_zone", "Etc/UTC");
        pageDoc.put("updated_at", time(lastChange(model)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("page", pageDoc);
        return doc;
    }

    private static Map<String, Object> status(StatusModel model) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("indicator", model.indicator());
        status.put("description", model.description());
        return status;
    }

    private List<Map<String, Object>> components(StatusModel model) {
        List<Map<String, Object>> components = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (ComponentState c : model.components()) {
            if (c.group() != null) {
                groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c.id());
            }
        }
        int position = 0;
        Set<String> emittedGroups = new TreeSet<>();
        for (ComponentState c : model.components()) {
            if (c.group() != null && emittedGroups.add(c.group())) {
                components.add(group(model, c.group(), groups.get(c.group()), ++position));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", c.id());
            doc.put("name", c.name());
            doc.put("status", c.status());
            doc.put("created_at", time(model.builtAt()));
            doc.put("updated_at", time(c.updatedAt() == null ? model.builtAt() : c.updatedAt()));
            doc.put("position", ++position);
            doc.put("description", c.description());
            doc.put("showcase", true);
            doc.put("start_date", null);
            doc.put("group_id", c.group() == null ? null : groupId(c.group()));
            doc.put("page_id", page.getPageId());
            doc.put("group", false);
            doc.put("only_show_if_degraded", false);
            components.add(doc);
        }
        return components;
    }

    private Map<String, Object> group(StatusModel model, String name, List<String> children, int position) {
        String worst = model.components().stream().filter(c -> name.equals(c.group())).map(ComponentState::status)
                .max((a, b) -> Integer.compare(io.firebreak.statuspage.domain.PublicLanguage.componentRank(a),
                        io.firebreak.statuspage.domain.PublicLanguage.componentRank(b))).orElse("operational");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", groupId(name));
        doc.put("name", name);
        doc.put("status", worst);
        doc.put("created_at", time(model.builtAt()));
        doc.put("updated_at", time(model.builtAt()));
        doc.put("position", position);
        doc.put("description", null);
        doc.put("showcase", false);
        doc.put("start_date", null);
        doc.put("group_id", null);
        doc.put("page_id", page.getPageId());
        doc.put("group", true);
        doc.put("only_show_if_degraded", false);
        doc.put("components", children);
        return doc;
    }

    private List<Map<String, Object>> incidents(StatusModel model, List<PublicIncident> incidents) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (PublicIncident incident : incidents) {
            List<Map<String, Object>> affected = affectedComponents(model, incident);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", incident.id());
            doc.put("name", incident.name());
            doc.put("status", incident.status());
            doc.put("created_at", time(incident.createdAt()));
            doc.put("updated_at", time(incident.updatedAt()));
            doc.put("monitoring_at", time(incident.monitoringAt()));
            doc.put("resolved_at", time(incident.resolvedAt()));
            doc.put("impact", incident.impact());
            doc.put("shortlink", page.getUrl() + "/incidents/" + incident.id());
            doc.put("started_at", time(incident.createdAt()));
            doc.put("page_id", page.getPageId());
            doc.put("incident_updates", updates(incident.id(), incident.updates(), affected));
            doc.put("components", affected.stream().map(a -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", a.get("code"));
                c.put("name", a.get("name"));
                c.put("status", a.get("new_status"));
                return c;
            }).toList());
            docs.add(doc);
        }
        return docs;
    }

    private static List<Map<String, Object>> affectedComponents(StatusModel model, PublicIncident incident) {
        List<Map<String, Object>> affected = new ArrayList<>();
        for (ComponentState c : model.components()) {
            if (incident.componentIds().contains(c.id())) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("code", c.id());
                a.put("name", c.name());
                a.put("old_status", "operational");
                a.put("new_status", incident.unresolved() ? incident.componentStatuses().get(c.id()) : "operational");
                affected.add(a);
            }
        }
        return affected;
    }

    static String groupId(String group) {
        return "group-" + group.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    static Instant lastChange(StatusModel model) {
        Instant incidents = model.incidents().stream().map(PublicIncident::updatedAt).max(Instant::compareTo)
                .orElse(null);
        Instant maintenances = model.maintenances().stream().map(PublicMaintenance::updatedAt).max(Instant::compareTo)
                .orElse(null);
        if (incidents == null && maintenances == null) {
            return model.builtAt();
        }
        return incidents == null ? maintenances
                : maintenances == null || incidents.isAfter(maintenances) ? incidents : maintenances;
    }

    static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
