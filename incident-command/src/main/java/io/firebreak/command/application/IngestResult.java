package io.firebreak.command.application;

/**
 * What a monitoring notification did.
 *
 * @param incidentId the group's incident, or null when nothing was open and nothing fired
 * @param declared   whether this notification declared the incident
 * @param attached   how many alert states were attached (new alerts or changed states)
 */
public record IngestResult(String incidentId, String reference, boolean declared, int attached) {

    public static IngestResult nothing() {
        return new IngestResult(null, null, false, 0);
    }
}
