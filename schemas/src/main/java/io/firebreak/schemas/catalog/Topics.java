package io.firebreak.schemas.catalog;

/** Kafka topics that carry Firebreak events. Names are public contract. */
public final class Topics {

    /** Every incident event, keyed by incident id, in order per incident. */
    public static final String INCIDENT_EVENTS = "firebreak.incident-events";

    /** Debrief events (DebriefCompleted), keyed by incident id. */
    public static final String DEBRIEF_EVENTS = "firebreak.debrief-events";

    /** Paging events (PageTriggered, PageAcknowledged, EscalationAdvanced, EscalationStopped), keyed by incident id. */
    public static final String PAGING_EVENTS = "firebreak.paging-events";

    /**
     * Requests for incident commands from surfaces other than incident-command's HTTP API (Slack), keyed by
     * incident id: IncidentCommandRequested. Consumed by incident-command only.
     */
    public static final String INCIDENT_COMMANDS = "firebreak.incident-commands";

    /** incident-command's answers to those requests (IncidentCommandHandled), keyed by command id. */
    public static final String INCIDENT_COMMAND_RESULTS = "firebreak.incident-command-results";

    private Topics() {
    }
}
