package io.firebreak.debrief.readmodel;

import java.time.Instant;

/** One line of an incident's timeline. */
public record TimelineEntry(long sequence, Instant at, String actorId, String actorName, String actorKind, String kind,
        String text, String eventId) {
}
