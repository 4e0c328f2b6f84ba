package io.firebreak.deploy.bench;

import java.util.Arrays;
import java.util.Locale;

/** Rate and latency percentiles of one measured run. */
record Stats(long count, double seconds, double p50Ms, double p90Ms, double p99Ms, long errors) {

    static Stats of(long[] latenciesNanos, int n, double seconds, long errors) {
        long[] sorted = Arrays.copyOf(latenciesNanos, n);
        Arrays.sort(sorted);
        return new Stats(n, seconds, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), errors);
    }

    double rate() {
        return count / seconds;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    String json() {
        return String.format(Locale.ROOT, "{\"count\":%d,\"seconds\":%.2f,\"ratePerSecond\":%.1f,\"p50Ms\":%.2f,"
                + "\"p90Ms\":%.2f,\"p99Ms\":%.2f,\"errors\":%d}", count, seconds, rate(), p50Ms, p90Ms, p99Ms, errors);
    }
}
