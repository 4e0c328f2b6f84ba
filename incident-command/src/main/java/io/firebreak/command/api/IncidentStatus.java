package io.firebreak.command.api;

/** Lifecycle of an incident. */
public enum IncidentStatus {
    INVESTIGATING, FIXING, MONITORING, RESOLVED, CLOSED;

    /** Investigating, Fixing and Monitoring: someone is actively responding. */
    public boolean isActive() {
        return this == INVESTIGATING || this == FIXING || this == MONITORING;
    }
}
