package io.firebreak.debrief.readmodel;

import java.time.Instant;

/** One line of an incident's timeline. */
/** {@code sequence} is the incident's aggregate sequence; null for entries from paging events. */
public record TimelineEntry(Long sequence, Instant at, String actorId, String actorName, String actorKind, String kind,
        String text, String eventId) {
}
