package io.firebreak.debrief.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Count, mean, median and 90th percentile (nearest rank) of a set of durations in seconds: the mean is what "mean
 * time to acknowledge / mitigate / resolve" (MTTA, MTTM, MTTR) name; median and p90 show the spread behind it.
 */
public record DurationSummary(int count, Long meanSeconds, Long medianSeconds, Long p90Seconds) {

    public static DurationSummary of(List<Long> seconds) {
        List<Long> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return new DurationSummary(0, null, null, null);
        }
        long sum = sorted.stream().mapToLong(Long::longValue).sum();
        return new DurationSummary(sorted.size(), Math.round((double) sum / sorted.size()),
                DurationStats.percentile(sorted, 50), DurationStats.percentile(sorted, 90));
    }
}
