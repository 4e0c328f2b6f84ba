package io.firebreak.debrief.readmodel;

import java.time.Instant;

/** A debrief section as someone wrote it: never overwritten by later events or a replay. */
public record EditedSection(String incidentId, String section, String text, Instant editedAt, Person editedBy) {
}
