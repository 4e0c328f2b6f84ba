package io.firebreak.command.api;

/** State of a monitoring alert as last reported. */
public enum AlertStatus {
    FIRING, RESOLVED
}
