package io.firebreak.notification.readmodel;

/**
 * Where an incident's paging stands: the {@code escalation} row's states as {@code engine.Escalations} writes them,
 * and {@link #NONE} for an incident paged only by hand (no escalation running).
 */
public enum EscalationState {
    NONE,
    ACTIVE,
    ACKNOWLEDGED,
    EXHAUSTED,
    RESOLVED
}
