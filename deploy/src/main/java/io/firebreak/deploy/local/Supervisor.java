package io.firebreak.deploy.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Restarts a component that exits while the stack runs, with {@link RestartBackOff}, and reports each step as one
 * structured line ({@code supervisor.exited}, {@code supervisor.restarted}, {@code supervisor.healthy},
 * {@code supervisor.failed}). Nothing is restarted once {@link #stop()} was called, and a component launched while
 * stopping is stopped at once, so a stop never leaves a restarted process behind.
 */
final class Supervisor {

    /** Runs a task after a delay; the launcher uses a scheduled executor, the tests a hand-driven fake. */
    @FunctionalInterface
    interface Timer {
        void schedule(Duration delay, Runnable task);
    }

    static final Duration HEALTHY_WITHIN = Duration.ofSeconds(180);

    private final Clock clock;
    private final Timer timer;
    private final Executor work;
    private final Consumer<String> events;
    private final Runnable changed;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private boolean stopping;

    /**
     * @param timer   delays each restart by the back-off
     * @param work    where a restart runs (launching and waiting for health block)
     * @param events  receives one line per restart step
     * @param changed called whenever a component's process id changes
     */
    Supervisor(Clock clock, Timer timer, Executor work, Consumer<String> events, Runnable changed) {
        this.clock = clock;
        this.timer = timer;
        this.work = work;
        this.events = events;
        this.changed = changed;
    }

    private final class Slot {
        final String name;
        final SupervisedProcess.Launcher launcher;
        final RestartBackOff backOff;
        SupervisedProcess current;
        int restarts;

        Slot(String name, SupervisedProcess.Launcher launcher, RestartBackOff backOff) {
            this.name = name;
            this.launcher = launcher;
            this.backOff = backOff;
        }
    }

    /** Watches a component that was started and found healthy; {@code launcher} starts it again after a crash. */
    void supervise(SupervisedProcess running, SupervisedProcess.Launcher launcher, RestartBackOff backOff) {
        Slot slot = new Slot(running.name(), launcher, backOff);
        synchronized (this) {
            if (stopping) {
                throw new IllegalStateException("The supervisor is stopping");
            }
            slots.put(slot.name, slot);
            slot.current = running;
        }
        backOff.healthy();
        changed.run();
        watch(slot, running);
    }

    /** Process ids of every supervised component, as they are now (restarts included). */
    synchronized Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        slots.values().forEach(slot -> pids.put(slot.name, slot.current.pid()));
        return pids;
    }

    synchronized SupervisedProcess current(String name) {
        Slot slot = slots.get(name);
        if (slot == null) {
            throw new IllegalArgumentException("No supervised component " + name);
        }
        return slot.current;
    }

    /** How often a component was restarted. */
    synchronized int restarts(String name) {
        Slot slot = slots.get(name);
        return slot == null ? 0 : slot.restarts;
    }

    /**
     * Stops watching one component and hands back its current process, for a deliberate stop (a rolling restart):
     * its exit is not a crash, and a restart already under way closes what it launched. {@link #supervise} watches
     * it again once started anew.
     */
    synchronized SupervisedProcess release(String name) {
        Slot slot = slots.remove(name);
        if (slot == null) {
            throw new IllegalArgumentException("No supervised component " + name);
        }
        return slot.current;
    }

    /** Ends supervision and hands back the current process of every component, in the order they were added. */
    synchronized List<SupervisedProcess> stop() {
        stopping = true;
        List<SupervisedProcess> current = new ArrayList<>();
        slots.values().forEach(slot -> current.add(slot.current));
        return current;
    }

    private void watch(Slot slot, SupervisedProcess process) {
        process.exited().thenAccept(code -> exited(slot, process, code));
    }

    private void exited(Slot slot, SupervisedProcess process, int code) {
        synchronized (this) {
            if (stopping || slot.current != process || slots.get(slot.name) != slot) {
                return;
            }
        }
        crashed(slot, code, clock.instant());
    }

    private void crashed(Slot slot, int code, Instant crashedAt) {
        RestartBackOff.Restart restart = slot.backOff.crashed();
        events.accept(String.format(Locale.ROOT, "supervisor.exited component=%s exit=%d attempt=%d restartIn=%s",
                slot.name, code, restart.attempt(), seconds(restart.delay())));
        timer.schedule(restart.delay(), () -> work.execute(() -> relaunch(slot, restart, code, crashedAt)));
    }

    private void relaunch(Slot slot, RestartBackOff.Restart restart, int code, Instant crashedAt) {
        synchronized (this) {
            if (stopping || slots.get(slot.name) != slot) {
                return;
            }
        }
        SupervisedProcess fresh;
        try {
            fresh = slot.launcher.launch();
        } catch (Exception e) {
            events.accept(String.format(Locale.ROOT, "supervisor.failed component=%s attempt=%d error=\"%s\"",
                    slot.name, restart.attempt(), String.valueOf(e.getMessage()).replace('"', '\'')));
            crashed(slot, code, crashedAt);
            return;
        }
        boolean stopNow;
        synchronized (this) {
            stopNow = stopping || slots.get(slot.name) != slot;
            if (!stopNow) {
                slot.current = fresh;
                slot.restarts++;
            }
        }
        if (stopNow) {
            closeQuietly(fresh);
            return;
        }
        changed.run();
        events.accept(String.format(Locale.ROOT, "supervisor.restarted component=%s exit=%d attempt=%d after=%s pid=%d",
                slot.name, code, restart.attempt(), seconds(Duration.between(crashedAt, clock.instant())), fresh.pid()));
        watch(slot, fresh);
        try {
            fresh.awaitHealthy(HEALTHY_WITHIN);
            slot.backOff.healthy();
            events.accept(String.format(Locale.ROOT, "supervisor.healthy component=%s attempt=%d downtime=%s",
                    slot.name, restart.attempt(), seconds(Duration.between(crashedAt, clock.instant()))));
        } catch (Exception e) {
            if (fresh.isAlive() && current(slot.name) == fresh) {
                // alive but never healthy: kill it, and the exit above schedules the next attempt
                events.accept(String.format(Locale.ROOT, "supervisor.unhealthy component=%s attempt=%d", slot.name,
                        restart.attempt()));
                try {
                    fresh.kill();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void closeQuietly(SupervisedProcess process) {
        try {
            process.close();
        } catch (Exception e) {
            // stopping anyway
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
