package io.firebreak.notification.oncall;

import io.firebreak.notification.domain.oncall.EscalationPolicy;
import io.firebreak.notification.domain.oncall.OnCallModel;
import io.firebreak.notification.domain.oncall.OnCallRules;
import io.firebreak.notification.domain.oncall.Override;
import io.firebreak.notification.domain.oncall.Person;
import io.firebreak.notification.domain.oncall.Schedule;
import io.firebreak.notification.domain.oncall.Service;
import io.firebreak.notification.domain.oncall.Team;
import io.firebreak.notification.domain.oncall.Violation;
import io.firebreak.support.problem.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reading and changing the on-call model: each change is checked against the whole model ({@link OnCallRules},
 * refused with 422 naming the field), written and audited in one transaction. Blocking: call it off the event loop.
 */
@Component
public class OnCallDirectory {

    private final OnCallStore store;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public OnCallDirectory(OnCallStore store, PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The result of a write: the item as stored and whether it was new. */
    public record Saved<T>(T item, boolean created) {
    }

    public OnCallModel model() {
        return transaction.execute(status -> store.model());
    }

    public <T> List<T> list(OnCallKind kind, Class<T> type) {
        return transaction.execute(status -> store.list(kind, type));
    }

    public <T> T get(OnCallKind kind, String id, Class<T> type) {
        return transaction.execute(status -> store.find(kind, id, type))
                .orElseThrow(() -> ApiProblem.notFound(kind.entity() + " with this id"));
    }

    /**
     * Creates ({@code pathId} null: the body's id, refused when taken) or replaces (the path's id) an item.
     */
    public <T> Saved<T> put(OnCallKind kind, String pathId, T item, Editor editor) {
        return transaction.execute(status -> write(kind, pathId, item, editor));
    }

    /** The same write inside a caller's transaction (the configuration file applies many in one). */
    <T> Saved<T> write(OnCallKind kind, String pathId, T item, Editor editor) {
        T stored = pathId == null ? item : withId(kind, item, pathId);
        String id = idOf(stored);
        if (pathId != null && idOf(item) != null && !pathId.equals(idOf(item))) {
            throw ApiProblem.invalid("id", "must match the id in the path");
        }
        if (pathId == null && id != null && store.exists(kind, id)) {
            throw ApiProblem.conflict("id", "a " + kind.entity() + " with this id already exists");
        }
        OnCallModel model = store.model();
        refuse(validate(kind, model, stored));
        Instant now = clock.instant();
        boolean created = store.upsert(kind, id, nameOf(stored), stored, now);
        store.audit(editor, kind.entity(), id, created ? "CREATE" : "UPDATE", stored, now);
        return new Saved<>(stored, created);
    }

    public void delete(OnCallKind kind, String id, Editor editor) {
        transaction.executeWithoutResult(status -> {
            if (!store.exists(kind, id)) {
                throw ApiProblem.notFound(kind.entity() + " with this id");
            }
            List<String> refs = OnCallRules.referencesTo(store.model(), kind.entity(), id);
            if (!refs.isEmpty()) {
                throw ApiProblem.conflict("id", "still used by " + String.join(", ", refs));
            }
            store.delete(kind, id);
            store.audit(editor, kind.entity(), id, "DELETE", null, clock.instant());
        });
    }

    public List<Override> overrides(String scheduleId) {
        return transaction.execute(status -> {
            requireSchedule(scheduleId);
            return store.overrides(scheduleId);
        });
    }

    /** Adds (or, with the id of an existing one, changes) an override of a schedule. */
    public Override putOverride(Override override, Editor editor) {
        return transaction.execute(status -> writeOverride(override, editor));
    }

    Override writeOverride(Override requested, Editor editor) {
        requireSchedule(requested.scheduleId());
        Override o = requested.id() != null ? requested : new Override(UUID.randomUUID().toString(),
                requested.scheduleId(), requested.kind(), requested.addPerson(), requested.removePerson(),
                requested.start(), requested.end());
        if (!o.id().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,35}")) {
            throw ApiProblem.invalid("id", "must be 1-36 letters, digits, '.', '_' or '-'");
        }
        refuse(OnCallRules.override(store.model(), o));
        Instant now = clock.instant();
        boolean created = !store.overrideExists(o.id());
        store.upsertOverride(o, editor.displayName(), now);
        store.audit(editor, "override", o.id(), created ? "CREATE" : "UPDATE", o, now);
        return o;
    }

    public void deleteOverride(String scheduleId, String id, Editor editor) {
        transaction.executeWithoutResult(status -> {
            requireSchedule(scheduleId);
            if (!store.deleteOverride(scheduleId, id)) {
                throw ApiProblem.notFound("override with this id on this schedule");
            }
            store.audit(editor, "override", id, "DELETE", null, clock.instant());
        });
    }

    public List<AuditEntry> audit(String entity, String id, int limit) {
        return transaction.execute(status -> store.auditOf(entity, id, limit));
    }

    private void requireSchedule(String scheduleId) {
        if (!store.exists(OnCallKind.SCHEDULE, scheduleId)) {
            throw ApiProblem.notFound("schedule with this id");
        }
    }

    private static void refuse(Optional<Violation> violation) {
        violation.ifPresent(v -> {
            throw ApiProblem.invalid(v.field(), "'" + v.field() + "' " + v.message());
        });
    }

    private static Optional<Violation> validate(OnCallKind kind, OnCallModel model, Object item) {
        return switch (kind) {
            case PERSON -> OnCallRules.person((Person) item);
            case TEAM -> OnCallRules.team(model, (Team) item);
            case SCHEDULE -> OnCallRules.schedule(model, (Schedule) item);
            case POLICY -> OnCallRules.policy(model, (EscalationPolicy) item);
            case SERVICE -> OnCallRules.service(model, (Service) item);
        };
    }

    static String idOf(Object item) {
        if (item instanceof Person p) {
            return p.id();
        } else if (item instanceof Team t) {
            return t.id();
        } else if (item instanceof Schedule s) {
            return s.id();
        } else if (item instanceof EscalationPolicy p) {
            return p.id();
        } else if (item instanceof Service s) {
            return s.id();
        }
        throw new IllegalArgumentException("Not an on-call item: " + item.getClass());
    }

    private static String nameOf(Object item) {
        if (item instanceof Person p) {
            return p.name();
        } else if (item instanceof Team t) {
            return t.name();
        } else if (item instanceof Schedule s) {
            return s.name();
        } else if (item instanceof EscalationPolicy p) {
            return p.name();
        } else if (item instanceof Service s) {
            return s.name();
        }
        throw new IllegalArgumentException("Not an on-call item: " + item.getClass());
    }

    @SuppressWarnings("unchecked")
    private static <T> T withId(OnCallKind kind, T item, String id) {
        Object copy;
        if (item instanceof Person p) {
            copy = new Person(id, p.name(), p.slackUserId(), p.email(), p.phone(), p.contactMethods(),
                    p.notificationRules());
        } else if (item instanceof Team t) {
            copy = new Team(id, t.name(), t.slackChannel(), t.businessHours(), t.scheduleId(), t.engineeringManager(),
                    t.productManager(), t.defaultLead());
        } else if (item instanceof Schedule s) {
            copy = new Schedule(id, s.name(), s.timeZone(), s.layers(), s.temporarySchedules());
        } else if (item instanceof EscalationPolicy p) {
            copy = new EscalationPolicy(id, p.name(), p.steps(), p.repeat());
        } else if (item instanceof Service s) {
            copy = new Service(id, s.name(), s.teamId(), s.escalationPolicies(), s.runbookUrl(), s.slackChannel(),
                    s.customerFacing());
        } else {
            throw new IllegalArgumentException("Not a " + kind.entity() + ": " + item.getClass());
        }
        return (T) copy;
    }
}
