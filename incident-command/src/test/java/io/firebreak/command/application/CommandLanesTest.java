package io.firebreak.command.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class CommandLanesTest {

    @Test
    void runsOneIncidentsCommandsOneAtATimeInArrivalOrder() {
        CommandLanes lanes = new CommandLanes(8, Duration.ofSeconds(5));
        Sinks.Empty<Void> first = Sinks.empty();
        List<String> started = new ArrayList<>();
        var a = lanes.run("i-1", () -> Mono.fromRunnable(() -> started.add("a")).then(first.asMono())).toFuture();
        var b = lanes.run("i-1", () -> Mono.fromRunnable(() -> started.add("b"))).toFuture();
        var other = lanes.run("i-2", () -> Mono.fromRunnable(() -> started.add("other"))).toFuture();
        assertThat(started).containsExactly("a", "other");
        assertThat(b).isNotDone();
        first.tryEmitEmpty();
        assertThat(a).isDone();
        assertThat(b).isDone();
        assertThat(started).containsExactly("a", "other", "b");
        assertThat(lanes.activeLanes()).isZero();
    }

    @Test
    void refusesAtOnceWhenTooManyAreWaiting() {
        CommandLanes lanes = new CommandLanes(1, Duration.ofSeconds(5));
        Sinks.Empty<Void> first = Sinks.empty();
        AtomicInteger ran = new AtomicInteger();
        lanes.run("i-1", () -> first.asMono()).toFuture();
        var waiting = lanes.run("i-1", () -> Mono.fromRunnable(ran::incrementAndGet)).toFuture();
        assertThatThrownBy(() -> lanes.run("i-1", () -> Mono.fromRunnable(ran::incrementAndGet)).block())
                .isInstanceOf(CommandsBusy.class);
        first.tryEmitEmpty();
        assertThat(waiting).isDone();
        assertThat(ran).hasValue(1);
    }

    @Test
    void refusesAWaiterThatWaitedTooLongAndNeverRunsIt() {
        CommandLanes lanes = new CommandLanes(8, Duration.ofMillis(50));
        Sinks.Empty<Void> first = Sinks.empty();
        AtomicInteger ran = new AtomicInteger();
        lanes.run("i-1", () -> first.asMono()).toFuture();
        assertThatThrownBy(() -> lanes.run("i-1", () -> Mono.fromRunnable(ran::incrementAndGet)).block())
                .isInstanceOf(CommandsBusy.class);
        first.tryEmitEmpty();
        assertThat(ran).hasValue(0);
        assertThat(lanes.activeLanes()).isZero();
    }

    @Test
    void passesTheTurnOnWhenACommandFailsOrItsCallerGoesAway() {
        CommandLanes lanes = new CommandLanes(8, Duration.ofSeconds(5));
        assertThatThrownBy(() -> lanes.run("i-1", () -> Mono.error(new IllegalStateException("boom"))).block())
                .hasMessage("boom");
        var gone = lanes.run("i-1", () -> Mono.never()).subscribe();
        var waiting = lanes.run("i-1", () -> Mono.just("ran")).toFuture();
        assertThat(waiting).isNotDone();
        gone.dispose();
        assertThat(waiting).isCompletedWithValue("ran");
        assertThat(lanes.activeLanes()).isZero();
    }
}
