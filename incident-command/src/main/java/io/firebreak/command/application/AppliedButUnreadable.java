package io.firebreak.command.application;

/**
 * The command committed, but reading the incident back for the answer failed. The answer is 202 with the
 * incident's location: the change is stored, whatever went wrong after.
 */
public class AppliedButUnreadable extends RuntimeException {

    private final String incidentId;

    public AppliedButUnreadable(String incidentId, Throwable cause) {
        super("The change was stored; reading the incident back failed. GET the incident for its new state.", cause);
        this.incidentId = incidentId;
    }

    public String incidentId() {
        return incidentId;
    }
}
