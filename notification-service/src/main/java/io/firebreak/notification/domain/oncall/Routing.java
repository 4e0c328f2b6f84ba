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
 * Policies are referred to as {@code policy:<id>}, {@code team:<teamId>:<SEVERITY>} (the team defaults) or
 * {@code drill:<teamId>:<SEVERITY>} (a drill's: {@link #drill}).
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

    /**
     * The team whose default lead an incident gets: the owning team of the first affected service (in the incident's
     * order) whose team names a default lead the directory knows.
     */
    public static Optional<Team> defaultLeadTeam(OnCallModel model, List<String> affectedServices) {
        for (String name : affectedServices) {
            Optional<Team> team = serviceOf(model, List.of(name)).map(s -> model.teams().get(s.teamId()))
                    .filter(t -> t.defaultLead() != null && model.people().containsKey(t.defaultLead()));
            if (team.isPresent()) {
                return team;
            }
        }
        return Optional.empty();
    }

    /** The policy a reference names now, or empty when it is gone. */
    public Optional<EscalationPolicy> resolve(OnCallModel model, String ref) {
        if (ref.startsWith("policy:")) {
            return Optional.ofNullable(model.policies().get(ref.substring("policy:".length())));
        }
        if (ref.startsWith("team:") || ref.startsWith("drill:")) {
            String[] parts = ref.split(":");
            Team team = model.teams().get(parts[1]);
            if (team == null) {
                return Optional.empty();
            }
            Severity severity = Severity.valueOf(parts[2]);
            return Optional.of(ref.startsWith("team:") ? teamDefault(model, team, severity) : drill(model, team, severity));
        }
        return Optional.empty();
    }

    /**
     * The team a person belongs to: the first team (catalog order) whose on-call schedule they rotate in (a layer's
     * participants or a temporary schedule's shifts), else the first they manage (engineering or product manager) or
     * are the default lead of. The catalog has no membership list: who carries a team's pager is its member.
     */
    public static Optional<Team> teamOf(OnCallModel model, String personId) {
        if (personId == null) {
            return Optional.empty();
        }
        Optional<Team> rotating = model.teams().values().stream().filter(t -> t.scheduleId() != null)
                .filter(t -> {
                    Schedule schedule = model.schedules().get(t.scheduleId());
                    return schedule != null && (schedule.layers().stream()
                            .anyMatch(l -> l.rotation().participants().contains(personId))
                            || schedule.temporarySchedules().stream().flatMap(ts -> ts.shifts().stream())
                                    .anyMatch(shift -> personId.equals(shift.personId())));
                }).findFirst();
        if (rotating.isPresent()) {
            return rotating;
        }
        return model.teams().values().stream().filter(t -> personId.equals(t.engineeringManager())
                || personId.equals(t.productManager()) || personId.equals(t.defaultLead())).findFirst();
    }

    /**
     * A drill's policy (issue 16: a drill pages the declarer's own team only and never leadership): the first step of
     * the team's default for the severity without the leadership targets, once, with no further step and no repeat.
     * Business hours do not apply: a drill is run when people chose to run it. Empty when that step reaches nobody.
     */
    public EscalationPolicy drill(OnCallModel model, Team team, Severity severity) {
        EscalationPolicy normal = teamDefault(model, team, severity);
        List<EscalationStep> steps = new ArrayList<>();
        if (!normal.steps().isEmpty()) {
            EscalationStep first = normal.steps().get(0);
            step(steps, first.targets().stream()
                    .filter(t -> !(t.kind() == TargetKind.PERSON && leadership.contains(t.id()))).toList());
        }
        return new EscalationPolicy("drill:" + team.id() + ":" + severity.name(),
                team.name() + " drill (" + severity.name().toLowerCase(Locale.ROOT) + ")", steps, 0);
    }

    /** Whether a person is leadership, whom a drill never pages. */
    public boolean leadership(String personId) {
        return leadership.contains(personId);
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
