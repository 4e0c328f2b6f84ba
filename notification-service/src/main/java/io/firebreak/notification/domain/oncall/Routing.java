package io.firebreak.notification.domain.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which policy pages for an incident: the first affected service found in the catalog (by id or name, ignoring
 * case) decides, with its policy for the severity or, when it names none, the owning team's default:
 * <ul>
 * <li>CRITICAL: the team's on-call, its engineering manager and leadership at once (one step), repeated twice;</li>
 * <li>MAJOR: the on-call, then the engineering and product managers, repeated once;</li>
 * <li>MINOR: the on-call within the team's business hours; outside them a message in the team's channel.</li>
 * </ul>
 * Policies are referred to as {@code policy:<id>} or {@code team:<teamId>:<SEVERITY>} (the team defaults).
 */
public final class Routing {

    private final List<String> leadership;

    /** @param leadership the people a Critical incident reaches at once beside the team (person ids) */
    public Routing(List<String> leadership) {
        this.leadership = List.copyOf(leadership);
    }

    public Route route(OnCallModel model, List<String> affectedServices, Severity severity, Instant at) {
        Optional<Service> service = serviceOf(model, affectedServices);
        if (service.isEmpty()) {
            return new Route.Default();
        }
        Service s = service.get();
        String policyId = s.escalationPolicies().forSeverity(severity);
        if (policyId != null && model.policies().containsKey(policyId)) {
            return new Route.Escalate("policy:" + policyId, model.policies().get(policyId), s.id());
        }
        Team team = model.teams().get(s.teamId());
        if (team == null) {
            return new Route.Default();
        }
        if (severity == Severity.MINOR && team.businessHours() != null && !team.businessHours().contains(at)) {
            String channel = s.slackChannel() != null ? s.slackChannel() : team.slackChannel();
            return channel == null ? new Route.Default() : new Route.TellChannel(channel, team, s);
        }
        EscalationPolicy policy = teamDefault(model, team, severity);
        return policy.steps().isEmpty() ? new Route.Default()
                : new Route.Escalate(policy.id(), policy, s.id());
    }

    /** The first affected service the catalog knows. */
    public static Optional<Service> serviceOf(OnCallModel model, List<String> affectedServices) {
        for (String name : affectedServices) {
            String wanted = name.toLowerCase(Locale.ROOT).strip();
            Optional<Service> found = model.services().values().stream()
                    .filter(s -> s.id().toLowerCase(Locale.ROOT).equals(wanted)
                            || s.name().toLowerCase(Locale.ROOT).equals(wanted))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The policy a reference names now, or empty when it is gone. */
    public Optional<EscalationPolicy> resolve(OnCallModel model, String ref) {
        if (ref.startsWith("policy:")) {
            return Optional.ofNullable(model.policies().get(ref.substring("policy:".length())));
        }
        if (ref.startsWith("team:")) {
            String[] parts = ref.split(":");
            Team team = model.teams().get(parts[1]);
            return team == null ? Optional.empty()
                    : Optional.of(teamDefault(model, team, Severity.valueOf(parts[2])));
        }
        return Optional.empty();
    }

    /** The owning team's default policy for a severity; steps whose targets are all missing are left out. */
    public EscalationPolicy teamDefault(OnCallModel model, Team team, Severity severity) {
        List<Target> onCall = team.scheduleId() == null ? List.of() : List.of(Target.schedule(team.scheduleId()));
        List<EscalationStep> steps = new ArrayList<>();
        int repeat;
        switch (severity) {
            case CRITICAL -> {
                List<Target> all = new ArrayList<>(onCall);
                people(model, all, team.engineeringManager());
                leadership.forEach(id -> people(model, all, id));
                step(steps, all);
                repeat = 2;
            }
            case MAJOR -> {
                step(steps, onCall);
                List<Target> managers = new ArrayList<>();
                people(model, managers, team.engineeringManager());
                people(model, managers, team.productManager());
                step(steps, managers);
                repeat = 1;
            }
            default -> {
                step(steps, onCall);
                repeat = 0;
            }
        }
        return new EscalationPolicy("team:" + team.id() + ":" + severity.name(),
                team.name() + " default (" + severity.name().toLowerCase(Locale.ROOT) + ")", steps, repeat);
    }

    private static void people(OnCallModel model, List<Target> targets, String personId) {
        if (personId != null && model.people().containsKey(personId)
                && targets.stream().noneMatch(t -> t.kind() == TargetKind.PERSON && t.id().equals(personId))) {
            targets.add(Target.person(personId));
        }
    }

    private static void step(List<EscalationStep> steps, List<Target> targets) {
        if (!targets.isEmpty()) {
            steps.add(new EscalationStep(EscalationStep.DEFAULT_DELAY, targets));
        }
    }
}
