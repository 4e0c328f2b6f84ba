package io.firebreak.statuspage.readmodel;

import io.firebreak.statuspage.domain.MaintenanceStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled maintenance, owned by this service: every change is one transaction that also writes what the page says
 * about it ({@code maintenance_update}) and bumps the page's revision, so every instance renders it. Blocking JDBC:
 * callers run it off the event loop.
 */
@Component
public class MaintenanceRepository {

    private static final String COLUMNS = """
            maintenance_id, name, message, status, components, scheduled_for, scheduled_until, created_at, updated_at,
            started_at, resolved_at, created_by, updated_by, auto_start, auto_complete""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StatusModelStore store;

    public MaintenanceRepository(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            StatusModelStore store) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.store = store;
    }

    /** What the comms owner asks for; already validated. */
    public record Plan(String title, String message, List<String> components, Instant scheduledFor,
            Instant scheduledUntil, boolean autoStart, boolean autoComplete) {
    }

    public Maintenance announce(Plan plan, String by, Instant now) {
        String id = UUID.randomUUID().toString();
        transactions.executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO maintenance (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?)",
                    id, plan.title(), plan.message(), MaintenanceStatus.SCHEDULED.wire(),
                    array(plan.components()), ts(plan.scheduledFor()), ts(plan.scheduledUntil()), ts(now), ts(now),
                    by, by, plan.autoStart(), plan.autoComplete());
            addUpdate(id, MaintenanceStatus.SCHEDULED, plan.message(), by, now);
            store.changed();
        });
        return find(id).orElseThrow();
    }

    /** Replaces the plan of an open maintenance; a new message is posted as an update. Empty when not open. */
    public Optional<Maintenance> edit(String id, Plan plan, String by, Instant now) {
        return transactions.execute(tx -> {
            Optional<Maintenance> current = findForUpdate(id).filter(m -> MaintenanceStatus.fromWire(m.status()).open());
            current.ifPresent(m -> {
                jdbc.update("""
                        UPDATE maintenance SET name = ?, message = ?, components = ?, scheduled_for = ?,
                            scheduled_until = ?, updated_at = ?, updated_by = ?, auto_start = ?, auto_complete = ?
                        WHERE maintenance_id = ?""",
                        plan.title(), plan.message(), array(plan.components()), ts(plan.scheduledFor()),
                        ts(plan.scheduledUntil()), ts(now), by, plan.autoStart(), plan.autoComplete(), id);
                if (!plan.message().equals(m.message())) {
                    addUpdate(id, MaintenanceStatus.fromWire(m.status()), plan.message(), by, now);
                }
                store.changed();
            });
            return current.map(m -> find(id).orElseThrow());
        });
    }

    /**
     * Moves an open maintenance to {@code to} (in progress, completed or cancelled) when {@code from} allows it.
     * Empty when the current status does not.
     */
    public Optional<Maintenance> move(String id, List<MaintenanceStatus> from, MaintenanceStatus to, String by,
            Instant now) {
        return transactions.execute(tx -> {
            Optional<Maintenance> current = findForUpdate(id)
                    .filter(m -> from.contains(MaintenanceStatus.fromWire(m.status())));
            current.ifPresent(m -> {
                String times = switch (to) {
                    case IN_PROGRESS -> ", started_at = coalesce(started_at, ?)";
                    case COMPLETED, CANCELLED -> ", resolved_at = ?";
                    default -> throw new IllegalArgumentException("no move to " + to);
                };
                jdbc.update("UPDATE maintenance SET status = ?, updated_at = ?, updated_by = ?" + times
                        + " WHERE maintenance_id = ?", to.wire(), ts(now), by, ts(now), id);
                if (to != MaintenanceStatus.CANCELLED) {
                    addUpdate(id, to, to.defaultBody(), by, now);
                }
                store.changed();
            });
            return current.map(m -> find(id).orElseThrow());
        });
    }

    /** Ids of the maintenances due to start by themselves at {@code now}. */
    public List<String> dueToStart(Instant now) {
        return jdbc.queryForList("SELECT maintenance_id FROM maintenance WHERE status = 'scheduled' AND auto_start"
                + " AND scheduled_for <= ?", String.class, ts(now));
    }

    /** Ids of the maintenances due to complete by themselves at {@code now}. */
    public List<String> dueToComplete(Instant now) {
        return jdbc.queryForList("SELECT maintenance_id FROM maintenance WHERE status IN ('in_progress', 'verifying')"
                + " AND auto_complete AND scheduled_until <= ?", String.class, ts(now));
    }

    public Optional<Maintenance> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM maintenance WHERE maintenance_id = ?", MaintenanceRepository::row,
                id).stream().findFirst();
    }

    private Optional<Maintenance> findForUpdate(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM maintenance WHERE maintenance_id = ? FOR UPDATE",
                MaintenanceRepository::row, id).stream().findFirst();
    }

    private void addUpdate(String id, MaintenanceStatus status, String body, String by, Instant now) {
        jdbc.update("INSERT INTO maintenance_update (update_id, maintenance_id, status, body, created_at, created_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), id, status.wire(), body, ts(now), by);
    }

    private Array array(List<String> values) {
        return jdbc.execute((java.sql.Connection c) -> c.createArrayOf("text", values.toArray()));
    }

    static Maintenance row(ResultSet rs, int n) throws SQLException {
        return new Maintenance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                strings(rs.getArray(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)), rs.getString(12), rs.getString(13), rs.getBoolean(14),
                rs.getBoolean(15));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
