package io.firebreak.command.api;

/** Hats worn during an incident. */
public enum IncidentRole {
    INCIDENT_LEAD, INVESTIGATION_OWNER, COMMS_OWNER
}
