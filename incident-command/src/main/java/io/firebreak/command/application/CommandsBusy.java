package io.firebreak.command.application;

import java.time.Duration;

/**
 * Too many commands are already waiting for one incident: refused before anything was touched, so nothing
 * changed and a retry is safe.
 */
public class CommandsBusy extends RuntimeException {

    private final Duration retryAfter;

    public CommandsBusy(String incidentId, Duration maxWait) {
        super("Too many changes to this incident are in progress; this one was not applied (nothing changed)."
                + " Retry in a moment.", null, false, false);
        this.retryAfter = Duration.ofSeconds(Math.max(1, maxWait.toSeconds()));
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
