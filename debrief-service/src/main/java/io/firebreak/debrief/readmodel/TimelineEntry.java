package io.firebreak.debrief.readmodel;

import java.time.Instant;

/**
 * One line of an incident's timeline. {@code sequence} is the incident's aggregate sequence; null for entries from
 * paging events. {@code containment} is set only on a containment step (kind {@code CONTAINMENT_STEP}).
 */
public record TimelineEntry(Long sequence, Instant at, String actorId, String actorName, String actorKind, String kind,
        String text, String eventId, Containment containment) {

    /** A containment step: the lever pulled and what it did (names of the schema's enums), and the note. */
    public record Containment(String lever, String outcome, String note) {
    }
}
