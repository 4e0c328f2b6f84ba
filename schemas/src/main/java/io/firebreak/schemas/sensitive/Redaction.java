package io.firebreak.schemas.sensitive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Turns findings into redacted text, shared by secrets and personal data so that both read the same:
 * overlapping findings merge into the one found first, and each is replaced by {@code [REDACTED:<code>]}.
 */
final class Redaction<F> {

    private final ToIntFunction<F> start;
    private final ToIntFunction<F> end;
    private final Function<F, String> code;
    private final BiFunction<F, Integer, F> extendedTo;

    Redaction(ToIntFunction<F> start, ToIntFunction<F> end, Function<F, String> code,
            BiFunction<F, Integer, F> extendedTo) {
        this.start = start;
        this.end = end;
        this.code = code;
        this.extendedTo = extendedTo;
    }

    /**
     * The findings in order of appearance with overlaps merged. The sort is stable, so of two findings that
     * start at the same place the one listed first (the more specific detector) names the merged finding.
     */
    List<F> merged(List<F> findings) {
        List<F> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt(start));
        List<F> merged = new ArrayList<>(sorted.size());
        for (F finding : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && start.applyAsInt(finding) < end.applyAsInt(merged.get(last))) {
                F previous = merged.get(last);
                merged.set(last, extendedTo.apply(previous,
                        Math.max(end.applyAsInt(previous), end.applyAsInt(finding))));
            } else {
                merged.add(finding);
            }
        }
        return merged;
    }

    /** The text with every merged finding replaced by its marker. */
    String apply(String text, List<F> merged) {
        if (merged.isEmpty()) {
            return text;
        }
        StringBuilder redacted = new StringBuilder(text.length());
        int position = 0;
        for (F finding : merged) {
            redacted.append(text, position, start.applyAsInt(finding))
                    .append("[REDACTED:").append(code.apply(finding)).append(']');
            position = end.applyAsInt(finding);
        }
        return redacted.append(text, position, text.length()).toString();
    }
}
