package io.firebreak.debrief.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The containment checklist of a debrief: the levers of docs/process.md#containment in the order they are pulled
 * (cheapest and most reversible first), each with the steps recorded for it and where it stands (the outcome of its
 * last step, or NOT_RECORDED). A lever a later schema adds follows the four, in the order it was first recorded.
 */
public final class ContainmentChecklist {

    /** The state of a lever no step was recorded for. */
    public static final String NOT_RECORDED = "NOT_RECORDED";

    private ContainmentChecklist() {
    }

    /** The levers in the process's order, as the checklist names them. */
    public enum Lever {
        FEATURE_FLAG_OFF("Turn the feature off"),
        DEPLOY_ROLLBACK("Roll back the deploy"),
        MIGRATION_ROLLBACK("Roll back the migration"),
        DATA_CORRECTION("Correct the data");

        private final String label;

        Lever(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A recorded step: lever and outcome as the event named them, the note, when and by whom. */
    public record Step(String lever, String outcome, String note, Instant at, String actorName) {
    }

    /** One line of the checklist: the lever, its label, where it stands and its steps in order. */
    public record Item(String lever, String label, String state, List<Step> steps) {

        public boolean contained() {
            return "CONTAINED".equals(state);
        }
    }

    /** The checklist from the recorded steps, given in the order they happened. */
    public static List<Item> of(List<Step> steps) {
        Map<String, List<Step>> byLever = new LinkedHashMap<>();
        for (Lever lever : Lever.values()) {
            byLever.put(lever.name(), new ArrayList<>());
        }
        steps.forEach(step -> byLever.computeIfAbsent(step.lever(), k -> new ArrayList<>()).add(step));
        List<Item> items = new ArrayList<>();
        byLever.forEach((lever, recorded) -> items.add(new Item(lever, label(lever),
                recorded.isEmpty() ? NOT_RECORDED : recorded.get(recorded.size() - 1).outcome(), List.copyOf(recorded))));
        return List.copyOf(items);
    }

    private static String label(String lever) {
        for (Lever known : Lever.values()) {
            if (known.name().equals(lever)) {
                return known.label();
            }
        }
        return Words.of(lever);
    }
}
