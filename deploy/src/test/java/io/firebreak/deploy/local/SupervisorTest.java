package io.firebreak.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The supervisor with a hand-driven timer and clock: no process is started and nothing waits. */
class SupervisorTest {

    private final MutableClock clock = new MutableClock();
    private final List<Duration> scheduled = new ArrayList<>();
    private final List<Runnable> due = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final AtomicInteger pidChanges = new AtomicInteger();
    private final AtomicInteger nextPid = new AtomicInteger(100);
    private final List<FakeProcess> launched = new ArrayList<>();
    private final Supervisor supervisor = new Supervisor(clock, (delay, task) -> {
        scheduled.add(delay);
        due.add(task);
    }, Runnable::run, events::add, pidChanges::incrementAndGet);

    @Test
    void restartsACrashedComponentAfterTheBackOffAndLogsIt() {
        FakeProcess first = supervised("incident-command");

        first.crash(137);
        assertThat(scheduled).containsExactly(Duration.ofSeconds(1));
        assertThat(launched).hasSize(1);
        clock.advance(Duration.ofMillis(1200));
        runDue();

        assertThat(launched).hasSize(2);
        assertThat(supervisor.pids()).containsEntry("incident-command", launched.get(1).pid());
        assertThat(supervisor.restarts("incident-command")).isEqualTo(1);
        assertThat(events).containsExactly(
                "supervisor.exited component=incident-command exit=137 attempt=1 restartIn=1.0s",
                "supervisor.restarted component=incident-command exit=137 attempt=1 after=1.2s pid=101",
                "supervisor.healthy component=incident-command attempt=1 downtime=1.2s");
        assertThat(pidChanges.get()).isEqualTo(2);
    }

    @Test
    void backsOffFurtherWhenTheRestartedComponentCrashesAgainSoon() {
        supervised("kafka").crash(137);
        runDue();
        clock.advance(Duration.ofSeconds(3));
        launched.get(1).crash(1);
        runDue();
        clock.advance(Duration.ofSeconds(3));
        launched.get(2).crash(1);

        assertThat(scheduled).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void triesAgainWhenALaunchFails() {
        FakeProcess first = new FakeProcess("kafka", 1);
        AtomicInteger attempts = new AtomicInteger();
        supervisor.supervise(first, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("port in use");
            }
            return launch("kafka");
        }, RestartBackOff.standard(clock));

        first.crash(137);
        runDue();
        runDue();

        assertThat(events).anyMatch(e -> e.startsWith("supervisor.failed component=kafka attempt=1"));
        assertThat(scheduled).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(supervisor.current("kafka").isAlive()).isTrue();
    }

    @Test
    void restartsNothingOnceStopped() {
        FakeProcess first = supervised("debrief-service");

        List<SupervisedProcess> current = supervisor.stop();
        first.crash(143);

        assertThat(current).containsExactly(first);
        assertThat(scheduled).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void closesAComponentLaunchedWhileStopping() {
        supervised("statuspage-service").crash(137);
        supervisor.stop();
        runDue();

        assertThat(launched).hasSize(1);
    }

    @Test
    void handsBackTheRestartedProcessesToStop() {
        FakeProcess first = supervised("notification-service");
        first.crash(137);
        runDue();

        List<SupervisedProcess> current = supervisor.stop();

        assertThat(current).containsExactly(launched.get(1)).doesNotContain(first);
    }

    @Test
    void doesNotRestartAComponentReleasedForADeliberateStop() {
        FakeProcess first = supervised("incident-command-2");

        SupervisedProcess released = supervisor.release("incident-command-2");
        first.close();

        assertThat(released).isSameAs(first);
        assertThat(scheduled).isEmpty();
        assertThat(events).isEmpty();
        assertThat(supervisor.pids()).doesNotContainKey("incident-command-2");
    }

    @Test
    void closesWhatARestartLaunchedWhenTheComponentWasReleasedMeanwhile() {
        supervised("statuspage-service-2").crash(137);
        supervisor.release("statuspage-service-2");
        runDue();

        assertThat(launched).hasSize(1);
        assertThat(supervisor.pids()).doesNotContainKey("statuspage-service-2");
    }

    @Test
    void watchesAReleasedComponentAgainOnceSupervisedAnew() throws Exception {
        supervised("debrief-service-2");
        supervisor.release("debrief-service-2").close();
        FakeProcess again = supervised("debrief-service-2");

        again.crash(137);
        runDue();

        assertThat(supervisor.restarts("debrief-service-2")).isEqualTo(1);
        assertThat(supervisor.pids()).containsEntry("debrief-service-2", launched.get(2).pid());
    }

    private FakeProcess supervised(String name) {
        FakeProcess process = launch(name);
        supervisor.supervise(process, () -> launch(name), RestartBackOff.standard(clock));
        return process;
    }

    private FakeProcess launch(String name) {
        FakeProcess process = new FakeProcess(name, nextPid.getAndIncrement());
        launched.add(process);
        return process;
    }

    private void runDue() {
        List<Runnable> now = new ArrayList<>(due);
        due.clear();
        now.forEach(Runnable::run);
    }

    private static final class FakeProcess implements SupervisedProcess {
        private final String name;
        private final long pid;
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();

        FakeProcess(String name, long pid) {
            this.name = name;
            this.pid = pid;
        }

        void crash(int code) {
            exit.complete(code);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean isAlive() {
            return !exit.isDone();
        }

        @Override
        public CompletableFuture<Integer> exited() {
            return exit;
        }

        @Override
        public void awaitHealthy(Duration timeout) {
            if (exit.isDone()) {
                throw new IllegalStateException(name + " exited");
            }
        }

        @Override
        public void kill() {
            crash(137);
        }

        @Override
        public void requestStop() {
            crash(143);
        }

        @Override
        public void close() {
            crash(143);
        }
    }
}
