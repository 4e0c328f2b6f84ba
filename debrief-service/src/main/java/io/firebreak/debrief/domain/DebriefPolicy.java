package io.firebreak.debrief.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Debrief requirement by severity and when it is due after resolution (configurable; defaults from docs/process.md#debrief-deadline). */
public final class DebriefPolicy {

    private final Map<String, DebriefForm> formBySeverity;
    private final Duration dueAfterResolution;

    public DebriefPolicy(Map<String, DebriefForm> formBySeverity, Duration dueAfterResolution) {
        this.formBySeverity = Map.copyOf(formBySeverity);
        this.dueAfterResolution = dueAfterResolution;
    }

    public static DebriefPolicy defaults() {
        return new DebriefPolicy(Map.of("MINOR", DebriefForm.OPTIONAL, "MAJOR", DebriefForm.SHORT,
                "CRITICAL", DebriefForm.FULL), Duration.ofHours(48));
    }

    public DebriefForm formFor(String severity) {
        return formBySeverity.getOrDefault(severity, DebriefForm.OPTIONAL);
    }

    public Instant dueAt(Instant resolvedAt) {
        return resolvedAt == null ? null : resolvedAt.plus(dueAfterResolution);
    }

    /** due, overdue, completed, or none (not resolved yet, or a debrief is optional). */
    public String state(String severity, Instant resolvedAt, Instant completedAt, Instant now) {
        if (completedAt != null) {
            return "completed";
        }
        if (resolvedAt == null || !formFor(severity).required()) {
            return "none";
        }
        return dueAt(resolvedAt).isBefore(now) ? "overdue" : "due";
    }
}
