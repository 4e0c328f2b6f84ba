package io.firebreak.statuspage.readmodel;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.domain.PublicLanguage;
import io.firebreak.statuspage.domain.PublicText;
import io.firebreak.statuspage.domain.Uptime;
import io.firebreak.statuspage.readmodel.StatusModel.ComponentState;
import io.firebreak.statuspage.readmodel.StatusModel.PublicIncident;
import io.firebreak.statuspage.readmodel.StatusModel.PublicMaintenance;
import io.firebreak.statuspage.readmodel.StatusModel.PublicUpdate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current {@link StatusModel}, rebuilt from the database after every applied event (on the Kafka consumer
 * thread, after the transaction commits), at start-up and by the periodic re-render, and handed to listeners:
 * page requests never query the database. Every public text passes {@link PublicText#redact} on its way in.
 *
 * <p>With several instances, each applies only the events of the partitions it consumes; the page's revision
 * ({@code page_revision}, bumped by {@link #changed()} in every applied event's transaction) tells the others,
 * through {@link #refreshIfChanged()}, that the stored page moved on.
 */
@Component
public class StatusModelStore {

    /**
     * The history shown: the latest incidents by creation time. An open incident is always shown, whatever this cap:
     * an incident dated in the far future (monitoring's clock, a replay) must not push a live one off the page.
     */
    private static final int MAX_INCIDENTS = 200;
    private static final int MAX_MAINTENANCES = 100;

    private final JdbcTemplate jdbc;
    private final ComponentCatalog catalog;
    private final StatusPageProperties properties;
    private final TransactionTemplate snapshots;
    private final Clock clock;
    private final AtomicLong versions = new AtomicLong();
    /** The page revision the last refresh read (-1: none yet). */
    private volatile long refreshedRevision = -1;
    private final List<Consumer<StatusModel>> listeners = new CopyOnWriteArrayList<>();
    /** The texts the last refresh redacted: each refresh re-reads every shown text, and few of them changed. */
    private RedactionMemo redactions = new RedactionMemo(Map.of());

    public StatusModelStore(JdbcTemplate jdbc, ComponentCatalog catalog, Clock clock, StatusPageProperties properties,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.snapshots = new TransactionTemplate(transactionManager);
        snapshots.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshots.setReadOnly(true);
        this.properties = properties;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Called by renderers that keep their own copy of what they render. */
    public void onChange(Consumer<StatusModel> listener) {
        listeners.add(listener);
    }

    /** Records that the stored page changed: call inside the transaction that changes it. */
    public void changed() {
        jdbc.update("UPDATE page_revision SET revision = revision + 1 WHERE id = 1");
    }

    /** Refreshes if the stored page changed since the last refresh, e.g. by another instance (blocking JDBC). */
    public void refreshIfChanged() {
        if (revision() != refreshedRevision) {
            refresh();
        }
    }

    private long revision() {
        return jdbc.queryForObject("SELECT revision FROM page_revision WHERE id = 1", Long.class);
    }

    /** Reads the published incidents (blocking JDBC: never call it on an event-loop thread) and tells listeners. */
    public synchronized StatusModel refresh() {
        // one snapshot for every query: otherwise a poll committed between the update and incident reads renders a
        // just-published incident without its first entry
        Snapshot read = snapshots.execute(tx -> read());
        listeners.forEach(listener -> listener.accept(read.model()));
        refreshedRevision = read.revision();
        return read.model();
    }

    private record Snapshot(StatusModel model, long revision) {
    }

    private Snapshot read() {
        // read first: a change committed while the model is read raises the revision again and is refreshed next time
        long revision = revision();
        RedactionMemo memo = redactions.next();
        List<IncidentRow> rows = jdbc.query("""
                SELECT incident_id, reference, name, severity, status, affected_services, created_at, updated_at,
                       monitoring_at, resolved_at, public_message
                FROM incident WHERE published AND (status NOT IN ('RESOLVED', 'CLOSED') OR incident_id IN (
                    SELECT incident_id FROM incident WHERE published ORDER BY created_at DESC LIMIT ?))
                ORDER BY created_at DESC""",
                (rs, n) -> new IncidentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), rs.getString(11)), MAX_INCIDENTS);
        // the entries of the incidents shown only, not of the whole history
        Map<String, List<PublicUpdate>> updates = new HashMap<>();
        String[] shown = rows.stream().map(IncidentRow::id).toArray(String[]::new);
        jdbc.query("""
                SELECT u.update_id, u.incident_id, u.status, u.body, u.created_at FROM incident_update u
                WHERE u.incident_id = ANY (?) ORDER BY u.created_at DESC, u.update_id""",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("text", shown)), rs -> {
                    updates.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new PublicUpdate(
                            rs.getString(1), rs.getString(3), memo.redact(rs.getString(4)),
                            instant(rs.getTimestamp(5))));
                });
        Map<String, Map<String, String>> overrides = new HashMap<>();
        jdbc.query("""
                SELECT o.incident_id, o.component_id, o.status FROM component_override o
                JOIN incident i ON i.incident_id = o.incident_id WHERE i.published""",
                rs -> {
                    overrides.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        List<PublicIncident> incidents = new ArrayList<>();
        Map<String, Instant> componentUpdated = new HashMap<>();
        Map<String, String> componentStatus = new HashMap<>();
        int worst = 0;
        for (IncidentRow row : rows) {
            String status = PublicLanguage.incidentStatus(row.status());
            String impact = PublicLanguage.impact(row.severity());
            List<String> derivedIds = catalog.affectedBy(new HashSet<>(Arrays.asList(row.services().split("\n"))))
                    .stream().map(StatusPageProperties.Component::getId).toList();
            // a status set by hand replaces the derived one for that component, and may name one not affected
            Map<String, String> statuses = new LinkedHashMap<>();
            String derived = PublicLanguage.componentStatus(impact);
            derivedIds.forEach(id -> statuses.put(id, derived));
            statuses.putAll(overrides.getOrDefault(row.id(), Map.of()));
            List<String> componentIds = List.copyOf(new LinkedHashSet<>(statuses.keySet()));
            PublicIncident incident = new PublicIncident(row.id(), row.reference(), memo.redact(row.name()),
                    memo.redact(row.message()), status, impact, row.createdAt(), row.updatedAt(),
                    row.monitoringAt(), row.resolvedAt(), List.copyOf(updates.getOrDefault(row.id(), List.of())),
                    componentIds, Map.copyOf(statuses));
            incidents.add(incident);
            if (incident.unresolved()) {
                worst = Math.max(worst, PublicLanguage.impactRank(impact));
                statuses.forEach((id, during) -> {
                    worsen(componentStatus, id, during);
                    componentUpdated.merge(id, row.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
                });
            } else if (incident.resolvedAt() != null) {
                componentIds.forEach(id -> componentUpdated.merge(id, incident.resolvedAt(), (a, b) -> a.isAfter(b) ? a : b));
            }
        }
        List<PublicMaintenance> maintenances = maintenances();
        for (PublicMaintenance maintenance : maintenances) {
            if (maintenance.active()) {
                maintenance.componentIds().forEach(id -> {
                    worsen(componentStatus, id, "under_maintenance");
                    componentUpdated.merge(id, maintenance.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
                });
            }
        }
        Instant now = clock.instant();
        List<ComponentState> components = catalog.all().stream().map(c -> new ComponentState(c.getId(),
                PublicText.redact(c.getName()), PublicText.redact(c.getDescription()), c.getPosition(),
                PublicText.redact(c.getGroup()), componentStatus.getOrDefault(c.getId(), "operational"),
                componentUpdated.getOrDefault(c.getId(), null))).toList();
        String indicator = PublicLanguage.indicator(worst);
        StatusModel model = new StatusModel(versions.incrementAndGet(), now, indicator,
                PublicLanguage.description(indicator), components, List.copyOf(incidents), maintenances, uptime(now));
        redactions = memo;
        return new Snapshot(model, revision);
    }

    /**
     * Each component's uptime bar from the published incidents of the window (hidden ones never count): the impact
     * runs from when customers were first affected to the resolution, at the status the severity gives it.
     */
    private Map<String, Uptime.Bar> uptime(Instant now) {
        int days = properties.getUptimeDays();
        Instant since = now.minus(java.time.Duration.ofDays(days));
        Map<String, List<Uptime.Outage>> outages = new HashMap<>();
        jdbc.query("""
                SELECT severity, affected_services, coalesce(impact_started_at, created_at), resolved_at FROM incident
                WHERE published AND (resolved_at IS NULL OR resolved_at >= ?)""", rs -> {
            String status = PublicLanguage.componentStatus(PublicLanguage.impact(rs.getString(1)));
            Uptime.Outage outage = new Uptime.Outage(status, instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)));
            catalog.affectedBy(new HashSet<>(Arrays.asList(rs.getString(2).split("\n"))))
                    .forEach(c -> outages.computeIfAbsent(c.getId(), k -> new ArrayList<>()).add(outage));
        }, Timestamp.from(since));
        Map<String, Uptime.Bar> bars = new LinkedHashMap<>();
        catalog.all().forEach(c -> bars.put(c.getId(), Uptime.of(outages.getOrDefault(c.getId(), List.of()), now, days)));
        return bars;
    }

    private static void worsen(Map<String, String> componentStatus, String id, String status) {
        if (PublicLanguage.componentRank(status) > PublicLanguage.componentRank(
                componentStatus.getOrDefault(id, "operational"))) {
            componentStatus.put(id, status);
        }
    }

    /** Every maintenance but the cancelled ones, with its updates; component ids the page does not know are dropped. */
    private List<PublicMaintenance> maintenances() {
        Map<String, List<PublicUpdate>> updates = new HashMap<>();
        jdbc.query("""
                SELECT u.update_id, u.maintenance_id, u.status, u.body, u.created_at FROM maintenance_update u
                ORDER BY u.created_at DESC, u.update_id""", rs -> {
            updates.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new PublicUpdate(rs.getString(1),
                    rs.getString(3), PublicText.redact(rs.getString(4)), instant(rs.getTimestamp(5))));
        });
        return jdbc.query("""
                SELECT maintenance_id, name, message, status, components, scheduled_for, scheduled_until, created_at,
                       updated_at, started_at, resolved_at
                FROM maintenance WHERE status <> 'cancelled' ORDER BY scheduled_for DESC LIMIT ?""",
                (rs, n) -> new PublicMaintenance(rs.getString(1), PublicText.redact(rs.getString(2)),
                        PublicText.redact(rs.getString(3)), rs.getString(4),
                        MaintenanceRepository.strings(rs.getArray(5)).stream()
                                .filter(id -> catalog.find(id).isPresent()).toList(),
                        instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)),
                        List.copyOf(updates.getOrDefault(rs.getString(1), List.of()))), MAX_MAINTENANCES);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** One published incident as stored. */
    private record IncidentRow(String id, String reference, String name, String severity, String status,
            String services, Instant createdAt, Instant updatedAt, Instant monitoringAt, Instant resolvedAt,
            String message) {
    }
}
