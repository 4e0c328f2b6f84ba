package io.firebreak.notification.domain.oncall;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a valid model is. Each check takes the model as it is and the changed item, and answers the first problem
 * (a field path and a message that never repeats a submitted value) or nothing.
 */
public final class OnCallRules {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9_-]{0,79}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,20}");
    private static final Pattern ROUTING_KEY = Pattern.compile("[A-Za-z0-9]{32}");
    public static final int MAX_REPEAT = 10;

    private OnCallRules() {
    }

    public static Optional<Violation> person(Person p) {
        List<Violation> found = new ArrayList<>();
        add(found, id("id", p.id()), required("name", p.name()),
                p.email() != null && !EMAIL.matcher(p.email()).matches()
                        ? violation("email", "must be an e-mail address") : null,
                p.phone() != null && !E164.matcher(p.phone()).matches()
                        ? violation("phone", "must be an E.164 number such as +4930123456") : null);
        Set<String> methodIds = new HashSet<>();
        if (p.slackUserId() != null) {
            methodIds.add("slack-dm");
        }
        if (p.email() != null) {
            methodIds.add("email");
        }
        if (p.phone() != null) {
            methodIds.addAll(List.of("sms", "voice"));
        }
        for (int i = 0; i < p.contactMethods().size(); i++) {
            String at = "contactMethods[" + i + "]";
            ContactMethod m = p.contactMethods().get(i);
            if (m == null) {
                add(found, violation(at, "is required"));
                continue;
            }
            add(found, id(at + ".id", m.id()),
                    m.id() != null && !methodIds.add(m.id()) ? violation(at + ".id", "is used twice (slack-dm, email,"
                            + " sms and voice name the methods of the person's own Slack id, e-mail and phone)") : null,
                    m.kind() == null ? violation(at + ".kind", "must be one of SLACK_DM, EMAIL, SMS, VOICE, PUSH,"
                            + " WEBHOOK, PAGERDUTY") : address(at + ".address", m.kind(), m.address()));
        }
        Set<String> known = new HashSet<>();
        p.methods().forEach(m -> known.add(m.id()));
        for (int i = 0; i < p.notificationRules().size(); i++) {
            String at = "notificationRules[" + i + "]";
            NotificationRule r = p.notificationRules().get(i);
            if (r == null) {
                add(found, violation(at, "is required"));
                continue;
            }
            add(found, r.contactMethod() == null || !known.contains(r.contactMethod())
                            ? violation(at + ".contactMethod", "names none of the person's contact methods") : null,
                    r.afterMinutes() < 0 || r.afterMinutes() > NotificationRule.MAX_AFTER_MINUTES
                            ? violation(at + ".afterMinutes", "must be 0 to " + NotificationRule.MAX_AFTER_MINUTES) : null);
        }
        return found.stream().findFirst();
    }

    /** The address a contact method of this kind needs. */
    private static Violation address(String field, ContactMethodKind kind, String address) {
        if (address == null || address.isBlank()) {
            return violation(field, "is required");
        }
        return switch (kind) {
            case EMAIL -> EMAIL.matcher(address).matches() ? null : violation(field, "must be an e-mail address");
            case SMS, VOICE -> E164.matcher(address).matches() ? null
                    : violation(field, "must be an E.164 number such as +4930123456");
            case SLACK_DM -> SLACK_USER.matcher(address).matches() ? null
                    : violation(field, "must be a Slack user id such as U012AB3CD");
            case PUSH -> httpUrl(address, true) ? null
                    : violation(field, "must be an ntfy topic URL (http or https) such as https://ntfy.sh/my-topic");
            case WEBHOOK -> httpUrl(address, false) ? null : violation(field, "must be an http or https URL");
            case PAGERDUTY -> ROUTING_KEY.matcher(address).matches() ? null
                    : violation(field, "must be a PagerDuty Events v2 routing key (32 letters and digits)");
        };
    }

    /** An absolute http(s) URL with a host; a topic URL also needs a topic (a path below the server). */
    private static boolean httpUrl(String value, boolean topic) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https")) && uri.getHost() != null
                    && (!topic || uri.getPath() != null && uri.getPath().length() > 1);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public static Optional<Violation> team(OnCallModel model, Team t) {
        List<Violation> found = new ArrayList<>();
        add(found, id("id", t.id()), required("name", t.name()), channel("slackChannel", t.slackChannel()));
        if (t.businessHours() != null) {
            BusinessHours hours = t.businessHours();
            add(found, hours.from() == null ? violation("businessHours.from", "is required") : null,
                    hours.to() == null ? violation("businessHours.to", "is required") : null,
                    zone("businessHours.timeZone", hours.timeZone()));
        }
        add(found, t.scheduleId() != null && !model.schedules().containsKey(t.scheduleId())
                ? violation("scheduleId", "names no schedule") : null,
                knownPerson(model, "engineeringManager", t.engineeringManager(), false),
                knownPerson(model, "productManager", t.productManager(), false),
                knownPerson(model, "defaultLead", t.defaultLead(), false));
        return found.stream().findFirst();
    }

    public static Optional<Violation> schedule(OnCallModel model, Schedule s) {
        List<Violation> found = new ArrayList<>();
        add(found, id("id", s.id()), required("name", s.name()), zone("timeZone", s.timeZone()));
        Set<String> rotationIds = new HashSet<>();
        for (int i = 0; i < s.layers().size(); i++) {
            String at = "layers[" + i + "]";
            Layer layer = s.layers().get(i);
            if (layer == null || layer.rotation() == null) {
                add(found, violation(at + ".rotation", "is required"));
                continue;
            }
            Rotation r = layer.rotation();
            add(found, id(at + ".rotation.id", r.id()),
                    r.id() != null && !rotationIds.add(r.id()) ? violation(at + ".rotation.id", "is used twice") : null,
                    r.id() != null && model.scheduleOfRotation(r.id()).filter(other -> !other.id().equals(s.id()))
                            .isPresent() ? violation(at + ".rotation.id", "belongs to another schedule") : null,
                    r.startDate() == null ? violation(at + ".rotation.startDate", "is required") : null,
                    r.shiftLength() < 1 || r.shiftLength() > 1000
                            ? violation(at + ".rotation.shiftLength", "must be 1 to 1000") : null,
                    r.timeZone() == null ? null : zone(at + ".rotation.timeZone", r.timeZone()),
                    r.participants().isEmpty() ? violation(at + ".rotation.participants",
                            "a rotation needs at least one person") : null);
            for (int j = 0; j < r.participants().size(); j++) {
                add(found, knownPerson(model, at + ".rotation.participants[" + j + "]", r.participants().get(j), true));
            }
            if (layer.activeWindow() != null && (layer.activeWindow().from() == null || layer.activeWindow().to() == null)) {
                add(found, violation(at + ".activeWindow", "needs from and to"));
            }
        }
        for (int i = 0; i < s.temporarySchedules().size(); i++) {
            String at = "temporarySchedules[" + i + "]";
            TemporarySchedule t = s.temporarySchedules().get(i);
            if (t.start() == null || t.end() == null || !t.start().isBefore(t.end())) {
                add(found, violation(at + ".end", "must be after start"));
                continue;
            }
            for (int j = 0; j < t.shifts().size(); j++) {
                Shift shift = t.shifts().get(j);
                String sat = at + ".shifts[" + j + "]";
                add(found, knownPerson(model, sat + ".personId", shift.personId(), true),
                        shift.start() == null || shift.end() == null || !shift.start().isBefore(shift.end())
                                ? violation(sat + ".end", "must be after start")
                                : shift.start().isBefore(t.start()) || shift.end().isAfter(t.end())
                                        ? violation(sat + ".start", "must lie within the temporary schedule") : null);
            }
        }
        return found.stream().findFirst();
    }

    /** Overrides of one schedule that involve the same person may not overlap in time. */
    public static Optional<Violation> override(OnCallModel model, Override o) {
        List<Violation> found = new ArrayList<>();
        if (o.kind() == null) {
            return Optional.of(violation("kind", "is required (ADD, REMOVE or REPLACE)"));
        }
        boolean adds = o.kind() != OverrideKind.REMOVE;
        boolean removes = o.kind() != OverrideKind.ADD;
        add(found, adds ? knownPerson(model, "addPerson", o.addPerson(), true)
                        : o.addPerson() != null ? violation("addPerson", "is only for ADD and REPLACE") : null,
                removes ? knownPerson(model, "removePerson", o.removePerson(), true)
                        : o.removePerson() != null ? violation("removePerson", "is only for REMOVE and REPLACE") : null,
                o.start() == null ? violation("start", "is required") : null,
                o.end() == null ? violation("end", "is required") : null);
        if (!found.isEmpty()) {
            return found.stream().findFirst();
        }
        if (!o.start().isBefore(o.end())) {
            return Optional.of(violation("end", "must be after start"));
        }
        return model.overridesOf(o.scheduleId()).stream()
                .filter(other -> !other.id().equals(o.id()) && other.overlaps(o)
                        && (other.involves(o.addPerson()) || other.involves(o.removePerson())))
                .findFirst().map(other -> violation("start", "overlaps override " + other.id()
                        + " for the same person on this schedule"));
    }

    public static Optional<Violation> policy(OnCallModel model, EscalationPolicy p) {
        List<Violation> found = new ArrayList<>();
        add(found, id("id", p.id()), required("name", p.name()),
                p.repeat() < 0 || p.repeat() > MAX_REPEAT ? violation("repeat", "must be 0 to " + MAX_REPEAT) : null,
                p.steps().isEmpty() ? violation("steps", "a policy needs at least one step") : null);
        for (int i = 0; i < p.steps().size(); i++) {
            EscalationStep step = p.steps().get(i);
            String at = "steps[" + i + "]";
            add(found, step.delay().isNegative() || step.delay().isZero() ? violation(at + ".delay", "must be positive")
                    : null, step.targets().isEmpty() ? violation(at + ".targets", "a step needs at least one target") : null);
            for (int j = 0; j < step.targets().size(); j++) {
                add(found, target(model, p.id(), at + ".targets[" + j + "]", step.targets().get(j)));
            }
        }
        if (found.isEmpty() && p.id() != null && reaches(model, p, p.id())) {
            add(found, violation("steps", "the policy's targets lead back to itself (a cycle)"));
        }
        return found.stream().findFirst();
    }

    public static Optional<Violation> service(OnCallModel model, Service s) {
        List<Violation> found = new ArrayList<>();
        add(found, id("id", s.id()), required("name", s.name()), channel("slackChannel", s.slackChannel()),
                s.teamId() == null ? violation("teamId", "is required")
                        : !model.teams().containsKey(s.teamId()) ? violation("teamId", "names no team") : null,
                s.runbookUrl() != null && !webUrl(s.runbookUrl()) ? violation("runbookUrl", "must be an http(s) URL")
                        : null);
        for (Severity severity : Severity.values()) {
            String policy = s.escalationPolicies().forSeverity(severity);
            if (policy != null && !model.policies().containsKey(policy)) {
                add(found, violation("escalationPolicies." + severity.name().toLowerCase(), "names no escalation policy"));
            }
        }
        return found.stream().findFirst();
    }

    /** What still refers to an item, so deleting it would leave a dangling reference (empty: safe to delete). */
    public static List<String> referencesTo(OnCallModel model, String kind, String id) {
        List<String> refs = new ArrayList<>();
        switch (kind) {
            case "person" -> {
                model.teams().values().stream().filter(t -> id.equals(t.engineeringManager())
                        || id.equals(t.productManager()) || id.equals(t.defaultLead()))
                        .forEach(t -> refs.add("team " + t.id()));
                model.schedules().values().stream().filter(s -> s.layers().stream()
                        .anyMatch(l -> l.rotation().participants().contains(id)) || s.temporarySchedules().stream()
                        .anyMatch(t -> t.shifts().stream().anyMatch(sh -> id.equals(sh.personId()))))
                        .forEach(s -> refs.add("schedule " + s.id()));
                model.overrides().stream().filter(o -> o.involves(id)).forEach(o -> refs.add("override " + o.id()));
                policiesTargeting(model, TargetKind.PERSON, id, refs);
            }
            case "schedule" -> {
                model.teams().values().stream().filter(t -> id.equals(t.scheduleId()))
                        .forEach(t -> refs.add("team " + t.id()));
                policiesTargeting(model, TargetKind.SCHEDULE, id, refs);
                Schedule schedule = model.schedules().get(id);
                if (schedule != null) {
                    schedule.layers().forEach(l -> policiesTargeting(model, TargetKind.ROTATION, l.rotation().id(), refs));
                }
            }
            case "team" -> {
                model.services().values().stream().filter(s -> id.equals(s.teamId()))
                        .forEach(s -> refs.add("service " + s.id()));
                policiesTargeting(model, TargetKind.TEAM_CHANNEL, id, refs);
            }
            case "policy" -> {
                model.services().values().stream().filter(s -> List.of(Severity.values()).stream()
                        .anyMatch(sev -> id.equals(s.escalationPolicies().forSeverity(sev))))
                        .forEach(s -> refs.add("service " + s.id()));
                policiesTargeting(model, TargetKind.POLICY, id, refs);
            }
            default -> {
            }
        }
        return refs;
    }

    private static void policiesTargeting(OnCallModel model, TargetKind kind, String id, List<String> refs) {
        model.policies().values().stream().filter(p -> p.steps().stream().flatMap(s -> s.targets().stream())
                .anyMatch(t -> t.kind() == kind && id.equals(t.id()))).forEach(p -> refs.add("escalation policy " + p.id()));
    }

    private static Violation target(OnCallModel model, String policyId, String at, Target t) {
        if (t == null || t.kind() == null) {
            return violation(at + ".kind", "is required");
        }
        if (t.id() == null) {
            return violation(at + ".id", "is required");
        }
        boolean known = switch (t.kind()) {
            case PERSON -> model.people().containsKey(t.id());
            case SCHEDULE -> model.schedules().containsKey(t.id());
            case ROTATION -> model.rotation(t.id()).isPresent();
            case TEAM_CHANNEL -> model.teams().containsKey(t.id());
            case POLICY -> t.id().equals(policyId) || model.policies().containsKey(t.id());
        };
        if (!known) {
            return violation(at + ".id", "names no " + t.kind().name().toLowerCase().replace('_', ' ').replace(" channel", ""));
        }
        if (t.kind() == TargetKind.POLICY && t.id().equals(policyId)) {
            return violation(at + ".id", "a policy cannot target itself");
        }
        if (t.kind() == TargetKind.TEAM_CHANNEL && model.teams().get(t.id()).slackChannel() == null) {
            return violation(at + ".id", "the team has no Slack channel");
        }
        if (t.offset() < 0 || t.offset() > 0 && t.kind() != TargetKind.ROTATION) {
            return violation(at + ".offset", "is only for rotations, 0 or more");
        }
        return null;
    }

    /** Whether following POLICY targets from {@code start} (as it would be stored) comes back to {@code id}. */
    private static boolean reaches(OnCallModel model, EscalationPolicy start, String id) {
        Deque<EscalationPolicy> todo = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            EscalationPolicy policy = todo.pop();
            for (EscalationStep step : policy.steps()) {
                for (Target t : step.targets()) {
                    if (t.kind() != TargetKind.POLICY) {
                        continue;
                    }
                    if (t.id().equals(id)) {
                        return true;
                    }
                    EscalationPolicy next = model.policies().get(t.id());
                    if (next != null && seen.add(next.id())) {
                        todo.push(next);
                    }
                }
            }
        }
        return false;
    }

    private static Violation knownPerson(OnCallModel model, String field, String id, boolean required) {
        if (id == null) {
            return required ? violation(field, "is required") : null;
        }
        return model.people().containsKey(id) ? null : violation(field, "names no person");
    }

    private static Violation id(String field, String id) {
        return id == null || !ID.matcher(id).matches()
                ? violation(field, "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
                : null;
    }

    private static Violation required(String field, String value) {
        return value == null || value.isBlank() ? violation(field, "is required") : null;
    }

    private static Violation channel(String field, String value) {
        return value != null && !CHANNEL.matcher(value).matches()
                ? violation(field, "must be a Slack channel name without '#': lower-case letters, digits, '-', '_'")
                : null;
    }

    private static Violation zone(String field, String zone) {
        if (zone == null) {
            return violation(field, "is required");
        }
        try {
            ZoneId.of(zone);
            return null;
        } catch (DateTimeException e) {
            return violation(field, "is not a time zone (use an IANA name such as Europe/Berlin)");
        }
    }

    private static boolean webUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Violation violation(String field, String message) {
        return new Violation(field, message);
    }

    private static void add(List<Violation> found, Violation... candidates) {
        for (Violation v : candidates) {
            if (v != null) {
                found.add(v);
            }
        }
    }

    private static Optional<Violation> first(Violation... candidates) {
        return java.util.Arrays.stream(candidates).filter(Objects::nonNull).findFirst();
    }

}
