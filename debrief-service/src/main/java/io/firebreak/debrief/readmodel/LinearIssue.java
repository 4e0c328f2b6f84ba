package io.firebreak.debrief.readmodel;

/** The Linear issue a follow-up is mirrored to: Linear's id, the identifier people read (ENG-12) and its link. */
public record LinearIssue(String id, String identifier, String url) {
}
