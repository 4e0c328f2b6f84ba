package io.firebreak.command.application;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One lane per incident: its commands run one at a time, in arrival order, and a burst is refused quickly
 * instead of queueing on the connection pool. Without it, concurrent commands on one incident each took a
 * database connection and then waited on the aggregate's lock while holding it; fifty of them exhausted the
 * pool and the rest hung for Hikari's 30 s.
 *
 * <p>Waiting is asynchronous (no thread is parked): a command that cannot enter waits in the lane's queue, which
 * holds at most {@code maxWaiting}; a command arriving at a full queue, or still waiting after {@code maxWait},
 * is refused with {@link CommandsBusy} before it has touched anything.
 */
public final class CommandLanes {

    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final int maxWaiting;
    private final Duration maxWait;

    public CommandLanes(int maxWaiting, Duration maxWait) {
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    /** Runs {@code work} when it is the incident's turn; refuses with {@link CommandsBusy} if the turn is not near. */
    public <T> Mono<T> run(String incidentId, Supplier<Mono<T>> work) {
        return Mono.usingWhen(enter(incidentId), permit -> work.get(), Permit::exit, (permit, error) -> permit.exit(),
                Permit::exit);
    }

    /** Lanes currently held or waited for (for tests and metrics). */
    public int activeLanes() {
        return lanes.size();
    }

    private Mono<Permit> enter(String incidentId) {
        return Mono.defer(() -> {
            Waiter waiter = new Waiter(new Permit(incidentId));
            AtomicInteger outcome = new AtomicInteger();
            lanes.compute(incidentId, (id, lane) -> {
                if (lane == null) {
                    outcome.set(1);
                    return new Lane();
                }
                if (lane.waiting.size() >= maxWaiting) {
                    outcome.set(2);
                    return lane;
                }
                lane.waiting.add(waiter);
                return lane;
            });
            if (outcome.get() == 1) {
                waiter.state.set(Waiter.GRANTED);
                return Mono.just(waiter.permit);
            }
            if (outcome.get() == 2) {
                return Mono.error(new CommandsBusy(incidentId, maxWait));
            }
            Mono.delay(maxWait).subscribe(tick -> {
                if (waiter.state.compareAndSet(Waiter.WAITING, Waiter.GAVE_UP)) {
                    waiter.sink.tryEmitValue(false);
                }
            });
            return waiter.sink.asMono().flatMap(granted -> granted ? Mono.just(waiter.permit)
                    : Mono.<Permit>error(new CommandsBusy(incidentId, maxWait)))
                    .doOnCancel(() -> {
                        if (!waiter.state.compareAndSet(Waiter.WAITING, Waiter.GAVE_UP)) {
                            // granted while the caller went away: pass the turn on
                            waiter.permit.exit();
                        }
                    });
        });
    }

    /** Hands the lane to the next waiter that has not given up, or closes it. */
    private void handOver(String incidentId) {
        Waiter[] next = new Waiter[1];
        lanes.computeIfPresent(incidentId, (id, lane) -> {
            for (Waiter waiter = lane.waiting.poll(); waiter != null; waiter = lane.waiting.poll()) {
                if (waiter.state.compareAndSet(Waiter.WAITING, Waiter.GRANTED)) {
                    next[0] = waiter;
                    return lane;
                }
            }
            return null;
        });
        if (next[0] != null) {
            next[0].sink.tryEmitValue(true);
        }
    }

    private static final class Lane {
        final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    }

    private static final class Waiter {
        static final int WAITING = 0;
        static final int GRANTED = 1;
        static final int GAVE_UP = 2;

        final AtomicInteger state = new AtomicInteger(WAITING);
        final Sinks.One<Boolean> sink = Sinks.one();
        final Permit permit;

        Waiter(Permit permit) {
            this.permit = permit;
        }
    }

    /** The right to run one command on one incident; leaving twice is harmless. */
    final class Permit {
        private final String incidentId;
        private final AtomicBoolean left = new AtomicBoolean();

        Permit(String incidentId) {
            this.incidentId = incidentId;
        }

        Mono<Void> exit() {
            if (left.compareAndSet(false, true)) {
                handOver(incidentId);
            }
            return Mono.empty();
        }
    }
}
