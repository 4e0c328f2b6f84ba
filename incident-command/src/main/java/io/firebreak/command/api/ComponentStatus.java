package io.firebreak.command.api;

/** A public component's status on the status page, set by hand for an incident (Statuspage's five values). */
public enum ComponentStatus {
    OPERATIONAL,
    DEGRADED_PERFORMANCE,
    PARTIAL_OUTAGE,
    MAJOR_OUTAGE,
    UNDER_MAINTENANCE
}
