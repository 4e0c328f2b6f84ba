package io.firebreak.notification.oncall;

import io.firebreak.notification.domain.oncall.ContactMethod;
import io.firebreak.notification.domain.oncall.EscalationPolicy;
import io.firebreak.notification.domain.oncall.OnCallModel;
import io.firebreak.notification.domain.oncall.Override;
import io.firebreak.notification.domain.oncall.OverrideKind;
import io.firebreak.notification.domain.oncall.Person;
import io.firebreak.notification.domain.oncall.Schedule;
import io.firebreak.notification.domain.oncall.Service;
import io.firebreak.notification.domain.oncall.Team;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The on-call model's tables. Items are stored as their API JSON in {@code body}; overrides have columns of their
 * own. Blocking JDBC in the caller's transaction.
 */
@Repository
public class OnCallStore {

    /** Stored bodies are our own JSON: a plain mapper, no request-input guards. */
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private final JdbcTemplate jdbc;

    public OnCallStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public OnCallModel model() {
        return OnCallModel.of(list(OnCallKind.PERSON, Person.class), list(OnCallKind.TEAM, Team.class),
                list(OnCallKind.SCHEDULE, Schedule.class), overrides(null),
                list(OnCallKind.POLICY, EscalationPolicy.class), list(OnCallKind.SERVICE, Service.class));
    }

    public <T> List<T> list(OnCallKind kind, Class<T> type) {
        return jdbc.queryForList("SELECT body::text FROM " + kind.table() + " ORDER BY id", String.class).stream()
                .map(body -> JSON.readValue(body, type)).toList();
    }

    public <T> Optional<T> find(OnCallKind kind, String id, Class<T> type) {
        return jdbc.queryForList("SELECT body::text FROM " + kind.table() + " WHERE id = ?", String.class, id).stream()
                .findFirst().map(body -> JSON.readValue(body, type));
    }

    /** @return true when the item was new */
    public boolean upsert(OnCallKind kind, String id, String name, Object item, Instant at) {
        boolean existed = exists(kind, id);
        jdbc.update("INSERT INTO " + kind.table() + " (id, name, body, updated_at) VALUES (?, ?, ?::jsonb, ?)"
                + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, body = EXCLUDED.body,"
                + " updated_at = EXCLUDED.updated_at", id, name, JSON.writeValueAsString(item), Timestamp.from(at));
        if (item instanceof Person person) {
            contactMethods(person, at);
        }
        return !existed;
    }

    public boolean exists(OnCallKind kind, String id) {
        return !jdbc.queryForList("SELECT 1 FROM " + kind.table() + " WHERE id = ?", Integer.class, id).isEmpty();
    }

    public boolean delete(OnCallKind kind, String id) {
        return jdbc.update("DELETE FROM " + kind.table() + " WHERE id = ?", id) == 1;
    }

    /**
     * The person's contact methods as rows (the listed ones and those their Slack id, e-mail and phone imply), so
     * deliveries and throttles can refer to one by its row id {@code <person>:<method>}.
     */
    private void contactMethods(Person person, Instant at) {
        jdbc.update("DELETE FROM contact_method WHERE person_id = ?", person.id());
        for (ContactMethod method : person.methods()) {
            jdbc.update("INSERT INTO contact_method (id, person_id, kind, address, created_at) VALUES (?, ?, ?, ?, ?)",
                    person.id() + ":" + method.id(), person.id(), method.kind().name(), method.address(),
                    Timestamp.from(at));
        }
    }

    /** Overrides of one schedule, or of all when {@code scheduleId} is null, by start. */
    public List<Override> overrides(String scheduleId) {
        return jdbc.query("SELECT * FROM oncall_override" + (scheduleId == null ? "" : " WHERE schedule_id = ?")
                + " ORDER BY starts_at, id", (rs, n) -> new Override(rs.getString("id"), rs.getString("schedule_id"),
                        OverrideKind.valueOf(rs.getString("kind")), rs.getString("add_person"),
                        rs.getString("remove_person"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant()),
                scheduleId == null ? new Object[0] : new Object[] {scheduleId});
    }

    public boolean overrideExists(String id) {
        return !jdbc.queryForList("SELECT 1 FROM oncall_override WHERE id = ?", Integer.class, id).isEmpty();
    }

    public void upsertOverride(Override o, String by, Instant at) {
        jdbc.update("""
                INSERT INTO oncall_override (id, schedule_id, kind, add_person, remove_person, starts_at, ends_at,
                    created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, add_person = EXCLUDED.add_person,
                    remove_person = EXCLUDED.remove_person, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at""",
                o.id(), o.scheduleId(), o.kind().name(), o.addPerson(), o.removePerson(), Timestamp.from(o.start()),
                Timestamp.from(o.end()), Timestamp.from(at), by);
    }

    public boolean deleteOverride(String scheduleId, String id) {
        return jdbc.update("DELETE FROM oncall_override WHERE schedule_id = ? AND id = ?", scheduleId, id) == 1;
    }

    public void audit(Editor editor, String entity, String entityId, String action, Object body, Instant at) {
        jdbc.update("INSERT INTO oncall_audit (at, actor_id, actor_name, entity, entity_id, action, body)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)", Timestamp.from(at), editor.id(), editor.displayName(), entity,
                entityId, action, body == null ? null : JSON.writeValueAsString(body));
    }

    public List<AuditEntry> auditOf(String entity, String entityId, int limit) {
        return jdbc.query("SELECT id, at, actor_id, actor_name, entity, entity_id, action, body::text AS body"
                + " FROM oncall_audit WHERE (?::text IS NULL OR entity = ?) AND (?::text IS NULL OR entity_id = ?)"
                + " ORDER BY id DESC LIMIT ?", (rs, n) -> new AuditEntry(rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(), rs.getString("actor_id"), rs.getString("actor_name"),
                        rs.getString("entity"), rs.getString("entity_id"), rs.getString("action"), rs.getString("body")),
                entity, entity, entityId, entityId, limit);
    }

    public Optional<String> appliedDigest(String entity, String id) {
        return jdbc.queryForList("SELECT digest FROM oncall_config_applied WHERE entity = ? AND entity_id = ?",
                String.class, entity, id).stream().findFirst();
    }

    public void recordApplied(String entity, String id, String digest, Instant at) {
        jdbc.update("INSERT INTO oncall_config_applied (entity, entity_id, digest, applied_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (entity, entity_id) DO UPDATE SET digest = EXCLUDED.digest, applied_at = EXCLUDED.applied_at",
                entity, id, digest, Timestamp.from(at));
    }

    /** Serialises concurrent imports (two instances starting at once) within the caller's transaction. */
    public void lockForImport() {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(14014)");
    }
}
