package io.firebreak.command.domain;

import io.firebreak.command.api.Severity;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * On which severities the three hats (incident lead, comms owner, investigation owner) must be worn by three
 * different people ("even on a one-person on-call", docs/process.md): by default Major and Critical. A Minor incident
 * may be run by one person wearing all three.
 */
public final class RolePolicy {

    private final Set<Severity> distinctOn;

    public RolePolicy(Collection<Severity> distinctOn) {
        this.distinctOn = distinctOn.isEmpty() ? EnumSet.noneOf(Severity.class) : EnumSet.copyOf(distinctOn);
    }

    public static RolePolicy defaults() {
        return new RolePolicy(EnumSet.of(Severity.MAJOR, Severity.CRITICAL));
    }

    public boolean rolesDistinctOn(Severity severity) {
        return distinctOn.contains(severity);
    }
}
