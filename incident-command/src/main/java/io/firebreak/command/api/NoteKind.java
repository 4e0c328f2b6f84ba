package io.firebreak.command.api;

/** What a timeline note records. */
public enum NoteKind {
    NOTE, DECISION, EVIDENCE, HYPOTHESIS, ACTION, MILESTONE
}
