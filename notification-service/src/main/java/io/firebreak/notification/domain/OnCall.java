package io.firebreak.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Who is on call in a rotation at a moment, and who is next in line. */
public final class OnCall {

    private OnCall() {
    }

    /** Index of the person on call at {@code at}: one hand-off every {@code handoff} since {@code start}. */
    public static int index(Instant start, Duration handoff, int people, Instant at) {
        if (people == 0) {
            throw new IllegalArgumentException("A rotation needs at least one person");
        }
        long turns = Math.floorDiv(Duration.between(start, at).toMillis(), handoff.toMillis());
        return (int) Math.floorMod(turns, (long) people);
    }

    public static <T> T pick(List<T> people, Instant start, Duration handoff, Instant at, int offset) {
        return people.get((index(start, handoff, people.size(), at) + offset) % people.size());
    }
}
