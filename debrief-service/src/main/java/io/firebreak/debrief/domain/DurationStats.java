package io.firebreak.debrief.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Count, median and 90th percentile (nearest rank) of a set of durations in seconds. */
public record DurationStats(int count, Long medianSeconds, Long p90Seconds) {

    public static DurationStats of(List<Long> seconds) {
        List<Long> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return new DurationStats(0, null, null);
        }
        return new DurationStats(sorted.size(), percentile(sorted, 50), percentile(sorted, 90));
    }

    static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
