package io.firebreak.deploy.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop load: {@code concurrency} workers repeat an operation for a fixed time after a warm-up. */
final class Load {

    /** One unit of work; returns how many operations it performed (their latencies are recorded by the caller). */
    interface Operation {
        void run(Recorder recorder) throws Exception;
    }

    /** Collects latencies for one worker. */
    static final class Recorder {
        long[] latencies = new long[1 << 16];
        int n;
        boolean measuring;

        void record(long nanos) {
            if (!measuring) {
                return;
            }
            if (n == latencies.length) {
                latencies = java.util.Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = nanos;
        }

        <T> T time(java.util.concurrent.Callable<T> call) throws Exception {
            long start = System.nanoTime();
            T result = call.call();
            record(System.nanoTime() - start);
            return result;
        }
    }

    private Load() {
    }

    static Stats run(int concurrency, Duration warmUp, Duration duration, Operation operation) throws Exception {
        return run(concurrency, warmUp, duration, operation, () -> false);
    }

    /** As above, ending early once {@code done} says so (the measured time is then the time it took). */
    static Stats run(int concurrency, Duration warmUp, Duration duration, Operation operation,
            java.util.function.BooleanSupplier done) throws Exception {
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicLong errors = new AtomicLong();
        List<Recorder> recorders = new ArrayList<>();
        long warmEnd = System.nanoTime() + warmUp.toNanos();
        long end = warmEnd + duration.toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end && !done.getAsBoolean()) {
                    recorder.measuring = System.nanoTime() >= warmEnd;
                    try {
                        operation.run(recorder);
                    } catch (Exception e) {
                        if (recorder.measuring && !done.getAsBoolean()) {
                            errors.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        int total = recorders.stream().mapToInt(r -> r.n).sum();
        long[] all = new long[total];
        int offset = 0;
        for (Recorder recorder : recorders) {
            System.arraycopy(recorder.latencies, 0, all, offset, recorder.n);
            offset += recorder.n;
        }
        double seconds = done.getAsBoolean() ? (System.nanoTime() - began - warmUp.toNanos()) / 1e9
                : duration.toNanos() / 1e9;
        return Stats.of(all, total, seconds, errors.get());
    }
}
