package io.firebreak.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.deploy.testing.SharedStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The launcher's stop, last on the {@link SharedStack}: after the end-to-end suites and the drills have crashed and
 * restarted services and the broker, stopping the stack ends every process it started, restarted ones included.
 */
@ExtendWith(SharedStack.class)
@Order(5)
class LauncherStopIT {

    @Test
    void stopEndsEveryProcessTheLauncherStartedRestartsIncluded() {
        SharedStack.Running shared = SharedStack.get();
        Map<String, Long> current = shared.stack().stack().pids();
        assertThat(current.keySet()).containsExactlyInAnyOrder("postgres", "kafka", "incident-command",
                "notification-service", "statuspage-service", "debrief-service");
        SharedStack.stop();

        List<Long> every = new ArrayList<>(current.values());
        every.addAll(shared.startPids().values());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(every)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .as("process " + pid + " still alive").isFalse()));
    }
}
