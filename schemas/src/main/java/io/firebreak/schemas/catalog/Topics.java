package io.firebreak.schemas.catalog;

/** Kafka topics that carry Firebreak events. Names are public contract. */
public final class Topics {

    /** Every incident event, keyed by incident id, in order per incident. */
    public static final String INCIDENT_EVENTS = "firebreak.incident-events";

    /** Debrief events (DebriefCompleted), keyed by incident id. */
    public static final String DEBRIEF_EVENTS = "firebreak.debrief-events";

    /** Paging events (PageTriggered, PageAcknowledged, EscalationAdvanced, EscalationStopped), keyed by incident id. */
    public static final String PAGING_EVENTS = "firebreak.paging-events";

    private Topics() {
    }
}
