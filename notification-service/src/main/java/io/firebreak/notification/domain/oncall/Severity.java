package io.firebreak.notification.domain.oncall;

/** An incident's severity as routing sees it (the event schema's names; the domain keeps no Avro type). */
public enum Severity {
    MINOR,
    MAJOR,
    CRITICAL
}
