package io.firebreak.debrief.domain;

/** The company-wide severities (the event schema's names; the domain keeps no Avro type), most severe first. */
public enum IncidentSeverity {
    CRITICAL,
    MAJOR,
    MINOR
}
