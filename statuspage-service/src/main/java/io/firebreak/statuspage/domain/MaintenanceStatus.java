package io.firebreak.statuspage.domain;

import java.util.Locale;

/**
 * A scheduled maintenance's life, in Statuspage's words: announced (scheduled), in progress, verifying, completed;
 * a cancelled one leaves the page.
 */
public enum MaintenanceStatus {
    SCHEDULED, IN_PROGRESS, VERIFYING, COMPLETED, CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MaintenanceStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** Still to happen or happening: it can be edited, started (when scheduled), completed or cancelled. */
    public boolean open() {
        return this == SCHEDULED || this == IN_PROGRESS || this == VERIFYING;
    }

    /** What the page says when a maintenance reaches this status without words of its own. */
    public String defaultBody() {
        return switch (this) {
            case IN_PROGRESS -> "Scheduled maintenance is currently in progress. We will provide updates as necessary.";
            case VERIFYING -> "Verification is currently underway for the maintenance items.";
            case COMPLETED -> "The scheduled maintenance has been completed.";
            default -> "";
        };
    }
}
