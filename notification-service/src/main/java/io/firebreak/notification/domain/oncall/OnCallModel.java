package io.firebreak.notification.domain.oncall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The whole on-call model at one moment: people, teams, schedules with their overrides, policies, services. */
public record OnCallModel(Map<String, Person> people, Map<String, Team> teams, Map<String, Schedule> schedules,
        List<Override> overrides, Map<String, EscalationPolicy> policies, Map<String, Service> services) {

    public static OnCallModel of(List<Person> people, List<Team> teams, List<Schedule> schedules,
            List<Override> overrides, List<EscalationPolicy> policies, List<Service> services) {
        return new OnCallModel(index(people, Person::id), index(teams, Team::id), index(schedules, Schedule::id),
                List.copyOf(overrides), index(policies, EscalationPolicy::id), index(services, Service::id));
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> b, LinkedHashMap::new));
    }

    public List<Override> overridesOf(String scheduleId) {
        return overrides.stream().filter(o -> o.scheduleId().equals(scheduleId)).toList();
    }

    /** A rotation by id, wherever a schedule's layer holds it. */
    public Optional<Rotation> rotation(String id) {
        return schedules.values().stream().flatMap(s -> s.layers().stream()).map(Layer::rotation)
                .filter(r -> r.id().equals(id)).findFirst();
    }

    /** The schedule that holds rotation {@code id}. */
    public Optional<Schedule> scheduleOfRotation(String id) {
        return schedules.values().stream().filter(s -> s.layers().stream().anyMatch(l -> l.rotation().id().equals(id)))
                .findFirst();
    }
}
