package io.firebreak.command.api;

/** Company-wide severity; see {@code SeverityLabel} for the aliases people type. */
public enum Severity {
    MINOR, MAJOR, CRITICAL;

    public boolean isAtLeastMajor() {
        return this != MINOR;
    }
}
