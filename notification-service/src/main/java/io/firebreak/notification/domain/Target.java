package io.firebreak.notification.domain;

/**
 * A level's target as configured: the on-call of a rotation ({@code rotation:platform}), someone further down the
 * rotation ({@code rotation:platform+1}), or a named person ({@code person:em}).
 */
public record Target(String kind, String name, int offset) {

    public static Target parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Target '" + text + "' must be rotation:<name>[+n] or person:<id>");
        }
        String kind = text.substring(0, colon);
        String rest = text.substring(colon + 1);
        if (kind.equals("person")) {
            return new Target(kind, rest, 0);
        }
        if (!kind.equals("rotation")) {
            throw new IllegalArgumentException("Target '" + text + "' must be rotation:<name>[+n] or person:<id>");
        }
        int plus = rest.indexOf('+');
        return plus < 0 ? new Target(kind, rest, 0)
                : new Target(kind, rest.substring(0, plus), Integer.parseInt(rest.substring(plus + 1)));
    }
}
