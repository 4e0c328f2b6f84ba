package io.firebreak.debrief.messaging;

import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;

/** A listener that tells which partitions this instance holds and rewinds exactly those for a replay. */
abstract class ReplayableListener extends AbstractConsumerSeekAware {

    /** The listener's container id in the registry. */
    abstract String containerId();

    /** The partitions currently assigned to this instance's consumer of this listener. */
    Set<TopicPartition> assignedPartitions() {
        return Set.copyOf(getTopicsAndCallbacks().keySet());
    }

    /**
     * Rewinds {@code partitions} to their first offset (applied by the consumer thread before its next poll).
     *
     * @return false when one of them is no longer assigned here (a rebalance moved it)
     */
    boolean seekToBeginning(Set<TopicPartition> partitions) {
        boolean all = true;
        for (TopicPartition partition : partitions) {
            List<ConsumerSeekCallback> callbacks = getSeekCallbacksFor(partition);
            if (callbacks == null || callbacks.isEmpty()) {
                all = false;
                continue;
            }
            callbacks.forEach(callback -> callback.seekToBeginning(List.of(partition)));
        }
        return all;
    }
}
