package io.firebreak.notification.oncall;

import io.firebreak.notification.domain.oncall.EscalationPolicy;
import io.firebreak.notification.domain.oncall.Layer;
import io.firebreak.notification.domain.oncall.OverrideKind;
import io.firebreak.notification.domain.oncall.Person;
import io.firebreak.notification.domain.oncall.Schedule;
import io.firebreak.notification.domain.oncall.Service;
import io.firebreak.notification.domain.oncall.Team;
import io.firebreak.notification.domain.oncall.TemporarySchedule;
import java.time.Instant;
import java.util.List;

/**
 * The on-call configuration file ({@code firebreak.notification.oncall-file}): the API's items, applied in the
 * order people, schedules (with their overrides), teams, escalation policies, services.
 */
public record OnCallDocument(List<Person> people, List<FileSchedule> schedules, List<Team> teams,
        List<EscalationPolicy> escalationPolicies, List<Service> services) {

    public OnCallDocument {
        people = people == null ? List.of() : people;
        schedules = schedules == null ? List.of() : schedules;
        teams = teams == null ? List.of() : teams;
        escalationPolicies = escalationPolicies == null ? List.of() : escalationPolicies;
        services = services == null ? List.of() : services;
    }

    /** A schedule as the API takes it, plus its overrides (each with an id, so a second start finds it again). */
    public record FileSchedule(String id, String name, String timeZone, List<Layer> layers,
            List<TemporarySchedule> temporarySchedules, List<FileOverride> overrides) {

        public Schedule schedule() {
            return new Schedule(id, name, timeZone, layers, temporarySchedules);
        }
    }

    public record FileOverride(String id, OverrideKind kind, String addPerson, String removePerson, Instant start,
            Instant end) {
    }
}
