package io.firebreak.command.api;

/** What pulling a containment lever did; NOT_APPLICABLE skips it, with the reason in the note. */
public enum ContainmentOutcome {
    CONTAINED, NOT_CONTAINED, NOT_APPLICABLE
}
