package io.firebreak.deploy.local;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One process the launcher started and keeps running: a service JVM, the Kafka broker or PostgreSQL. */
interface SupervisedProcess {

    /** Starts a fresh instance of a component (returning once it is launched, not necessarily healthy). */
    @FunctionalInterface
    interface Launcher {
        SupervisedProcess launch() throws Exception;
    }

    String name();

    long pid();

    boolean isAlive();

    /** Completes with the exit code when the process ends (137 for SIGKILL). */
    CompletableFuture<Integer> exited();

    /** Returns once the component serves requests; throws if it exits or is not healthy in time. */
    void awaitHealthy(Duration timeout) throws Exception;

    /** SIGKILL, as a crash would. */
    void kill() throws InterruptedException;

    /** Asks for a graceful stop without waiting, so several components stop in parallel. */
    void requestStop();

    /** Stops gracefully, forcibly after a grace period. */
    void close() throws Exception;
}
