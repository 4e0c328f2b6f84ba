package io.firebreak.notification.domain.oncall;

/** A service's escalation policy (id) per severity; a missing one means the owning team's default for it. */
public record SeverityPolicies(String critical, String major, String minor) {

    public static final SeverityPolicies NONE = new SeverityPolicies(null, null, null);

    public String forSeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> critical;
            case MAJOR -> major;
            case MINOR -> minor;
        };
    }
}
