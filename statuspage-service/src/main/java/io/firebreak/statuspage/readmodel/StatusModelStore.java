package io.firebreak.statuspage.readmodel;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.domain.PublicLanguage;
import io.firebreak.statuspage.readmodel.StatusModel.ComponentState;
import io.firebreak.statuspage.readmodel.StatusModel.PublicIncident;
import io.firebreak.statuspage.readmodel.StatusModel.PublicUpdate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The current {@link StatusModel}, rebuilt from the database after every applied event and held in memory:
 * page requests never query the database.
 */
@Component
public class StatusModelStore {

    private static final int MAX_INCIDENTS = 200;

    private final JdbcTemplate jdbc;
    private final ComponentCatalog catalog;
    private final Clock clock;
    private final AtomicLong versions = new AtomicLong();
    private final AtomicReference<StatusModel> current = new AtomicReference<>();
    private final List<Consumer<StatusModel>> listeners = new CopyOnWriteArrayList<>();

    public StatusModelStore(JdbcTemplate jdbc, ComponentCatalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
    }

    public StatusModel current() {
        StatusModel model = current.get();
        return model != null ? model : refresh();
    }

    /** Called by renderers that keep their own copy of what they render. */
    public void onChange(Consumer<StatusModel> listener) {
        listeners.add(listener);
    }

    public synchronized StatusModel refresh() {
        Map<String, List<PublicUpdate>> updates = new HashMap<>();
        jdbc.query("""
                SELECT u.update_id, u.incident_id, u.status, u.body, u.created_at FROM incident_update u
                JOIN incident i ON i.incident_id = u.incident_id WHERE i.published
                ORDER BY u.created_at DESC, u.update_id""", rs -> {
            updates.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new PublicUpdate(rs.getString(1),
                    rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5))));
        });
        List<PublicIncident> incidents = new ArrayList<>();
        Map<String, Instant> componentUpdated = new HashMap<>();
        Map<String, String> componentStatus = new HashMap<>();
        int worst = 0;
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM incident WHERE published"
                + " ORDER BY created_at DESC LIMIT " + MAX_INCIDENTS);
        for (Map<String, Object> row : rows) {
            String status = PublicLanguage.incidentStatus((String) row.get("status"));
            String impact = PublicLanguage.impact((String) row.get("severity"));
            String services = (String) row.get("affected_services");
            List<String> componentIds = catalog.affectedBy(new HashSet<>(Arrays.asList(services.split("\n"))))
                    .stream().map(StatusPageProperties.Component::getId).toList();
            Instant updatedAt = instant((Timestamp) row.get("updated_at"));
            PublicIncident incident = new PublicIncident((String) row.get("incident_id"), (String) row.get("reference"),
                    (String) row.get("name"), status, impact, instant((Timestamp) row.get("created_at")), updatedAt,
                    instant((Timestamp) row.get("monitoring_at")), instant((Timestamp) row.get("resolved_at")),
                    List.copyOf(updates.getOrDefault((String) row.get("incident_id"), List.of())), componentIds);
            incidents.add(incident);
            if (incident.unresolved()) {
                worst = Math.max(worst, PublicLanguage.impactRank(impact));
                String derived = PublicLanguage.componentStatus(impact);
                for (String id : componentIds) {
                    if (PublicLanguage.componentRank(derived) > PublicLanguage.componentRank(
                            componentStatus.getOrDefault(id, "operational"))) {
                        componentStatus.put(id, derived);
                    }
                    componentUpdated.merge(id, updatedAt, (a, b) -> a.isAfter(b) ? a : b);
                }
            } else if (incident.resolvedAt() != null) {
                componentIds.forEach(id -> componentUpdated.merge(id, incident.resolvedAt(), (a, b) -> a.isAfter(b) ? a : b));
            }
        }
        Instant now = clock.instant();
        List<ComponentState> components = catalog.all().stream().map(c -> new ComponentState(c.getId(), c.getName(),
                c.getDescription(), c.getPosition(), c.getGroup(), componentStatus.getOrDefault(c.getId(), "operational"),
                componentUpdated.getOrDefault(c.getId(), null))).toList();
        String indicator = PublicLanguage.indicator(worst);
        StatusModel model = new StatusModel(versions.incrementAndGet(), now, indicator,
                PublicLanguage.description(indicator), components, List.copyOf(incidents));
        current.set(model);
        listeners.forEach(listener -> listener.accept(model));
        return model;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
