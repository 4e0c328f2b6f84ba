package io.firebreak.debrief.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.debrief.config.DebriefProperties;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinearSyncWorkerTest {

    @Test
    void doublesTheWaitAfterEachFailureUpToTheMaximum() {
        DebriefProperties properties = new DebriefProperties();
        properties.getLinear().setRetryBase(Duration.ofSeconds(5));
        properties.getLinear().setRetryMax(Duration.ofMinutes(15));
        LinearSyncWorker worker = new LinearSyncWorker(null, null, null, null, properties, null, Clock.systemUTC());
        assertThat(worker.backOff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(worker.backOff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(worker.backOff(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(worker.backOff(9)).isEqualTo(Duration.ofMinutes(15));
        assertThat(worker.backOff(200)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void mapsFirebreakPrioritiesToLinears() {
        assertThat(LinearSyncWorker.priority("urgent")).isEqualTo(1);
        assertThat(LinearSyncWorker.priority("high")).isEqualTo(2);
        assertThat(LinearSyncWorker.priority("medium")).isEqualTo(3);
        assertThat(LinearSyncWorker.priority("low")).isEqualTo(4);
    }
}
