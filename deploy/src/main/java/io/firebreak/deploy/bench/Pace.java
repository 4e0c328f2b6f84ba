package io.firebreak.deploy.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop pacing without spinning: a busy-wait would hold one of the machine's two cores for the whole step and
 * take it from the system under test. Parking wakes within tens of microseconds on Linux, far below the 5 ms
 * between sends at 200/s.
 */
final class Pace {

    private Pace() {
    }

    /** Returns at {@code dueNanos} ({@link System#nanoTime()}) or just after. */
    static void until(long dueNanos) {
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
