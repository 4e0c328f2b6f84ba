package io.firebreak.notification.domain.oncall;

/** One target of an escalation step: a kind and the id of the person, schedule, rotation, team or policy. */
public record Target(TargetKind kind, String id, Integer offset) {

    public Target {
        offset = offset == null ? 0 : offset;
    }

    public static Target person(String id) {
        return new Target(TargetKind.PERSON, id, 0);
    }

    public static Target schedule(String id) {
        return new Target(TargetKind.SCHEDULE, id, 0);
    }

    public static Target teamChannel(String id) {
        return new Target(TargetKind.TEAM_CHANNEL, id, 0);
    }

    /**
     * The targets of the YAML paging configuration that predates the model: {@code rotation:<name>} (its on-call),
     * {@code rotation:<name>+n} (n places further down) or {@code person:<id>}.
     */
    public static Target parseLegacy(String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon);
        String rest = text.substring(colon + 1);
        if (kind.equals("person")) {
            return person(rest);
        }
        if (!kind.equals("rotation")) {
            throw new IllegalArgumentException("Target '" + text + "' must be rotation:<name>[+n] or person:<id>");
        }
        int plus = rest.indexOf('+');
        return plus < 0 ? new Target(TargetKind.ROTATION, rest, 0)
                : new Target(TargetKind.ROTATION, rest.substring(0, plus), Integer.parseInt(rest.substring(plus + 1)));
    }
}
