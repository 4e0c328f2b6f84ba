package io.firebreak.notification.oncall;

import io.firebreak.notification.domain.oncall.EscalationPolicy;
import io.firebreak.notification.domain.oncall.Person;
import io.firebreak.notification.domain.oncall.Schedule;
import io.firebreak.notification.domain.oncall.Service;
import io.firebreak.notification.domain.oncall.Team;

/** The kinds of item in the on-call model, each with its table and the name audit rows and problems use. */
public enum OnCallKind {
    PERSON("person", "oncall_person", Person.class),
    SCHEDULE("schedule", "oncall_schedule", Schedule.class),
    TEAM("team", "oncall_team", Team.class),
    POLICY("policy", "oncall_escalation_policy", EscalationPolicy.class),
    SERVICE("service", "oncall_service", Service.class);

    private final String entity;
    private final String table;
    private final Class<?> type;

    OnCallKind(String entity, String table, Class<?> type) {
        this.entity = entity;
        this.table = table;
        this.type = type;
    }

    public String entity() {
        return entity;
    }

    String table() {
        return table;
    }

    Class<?> type() {
        return type;
    }
}
