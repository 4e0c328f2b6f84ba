package io.firebreak.deploy.bench;

import java.time.Duration;

/**
 * A service's Kafka consumer lag as its operators see it: the sum of {@code kafka_consumer_fetch_manager_records_lag}
 * over its consumers' partitions on {@code /actuator/prometheus} (issue 19: the benchmark reads lag from the
 * services' metrics, not from private code). The client reports a partition's lag after each fetch.
 */
final class ConsumerLag {

    private static final String SERIES = "kafka_consumer_fetch_manager_records_lag{";

    private ConsumerLag() {
    }

    /** The records the service's consumers have yet to read, summed over partitions; -1 when it reports none. */
    static long of(String serviceUrl) throws Exception {
        double sum = 0;
        boolean any = false;
        for (String line : Http.get(serviceUrl + "/actuator/prometheus").split("\n")) {
            if (line.startsWith(SERIES)) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (!Double.isNaN(value)) {
                    sum += value;
                    any = true;
                }
            }
        }
        return any ? Math.round(sum) : -1;
    }

    /**
     * Waits until the service has read everything on its topics (lag 0 in two readings a second apart), so the next
     * step does not measure the backlog of the one before; returns the lag it started from, or -1 without metrics.
     */
    static long awaitCaughtUp(String serviceUrl, Duration timeout) throws Exception {
        long first = of(serviceUrl);
        long deadline = System.nanoTime() + timeout.toNanos();
        int zeros = 0;
        long lag = first;
        while (lag != -1 && zeros < 2 && System.nanoTime() < deadline) {
            zeros = lag == 0 ? zeros + 1 : 0;
            Thread.sleep(1_000);
            lag = of(serviceUrl);
        }
        return first;
    }

    /** The highest lag each service reported while it ran, sampled every second (for a step's report). */
    static final class Peak implements AutoCloseable {

        private final java.util.Map<String, Long> peaks = new java.util.concurrent.ConcurrentSkipListMap<>();
        private final Thread sampler;
        private volatile boolean running = true;

        /** {@code services}: name → base URL. */
        Peak(java.util.Map<String, String> services) {
            services.keySet().forEach(name -> peaks.put(name, -1L));
            sampler = new Thread(() -> {
                while (running) {
                    services.forEach((name, url) -> {
                        try {
                            peaks.merge(name, of(url), Math::max);
                        } catch (Exception e) {
                            // a missed sample, not the end of the step
                        }
                    });
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-consumer-lag");
            sampler.setDaemon(true);
            sampler.start();
        }

        /** "name max, …" of what was sampled so far (-1: the service reported no lag metric). */
        String summary() {
            StringBuilder text = new StringBuilder();
            peaks.forEach((name, max) -> text.append(text.length() == 0 ? "" : ", ").append(name).append(' ').append(max));
            return text.toString();
        }

        @Override
        public void close() {
            running = false;
            sampler.interrupt();
        }
    }
}
