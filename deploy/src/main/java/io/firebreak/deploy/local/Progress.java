package io.firebreak.deploy.local;

import java.io.PrintStream;
import java.time.Duration;

/** One line per step, with how long it took, so a slow first start never looks stuck. */
final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    void step(String what) {
        out.printf("[%5.1fs] %s%n", (System.nanoTime() - started) / 1e9, what);
        out.flush();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
