package io.firebreak.debrief.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition of a topic holds an incident's events. Every Firebreak topic is keyed by the incident id and
 * written with Kafka's default partitioner, which puts a keyed record on {@code toPositive(murmur2(key)) % count}.
 */
public final class IncidentPartitions {

    private IncidentPartitions() {
    }

    /** The partition of {@code incidentId} on a topic of {@code partitionCount} partitions. */
    public static int partitionOf(String incidentId, int partitionCount) {
        if (partitionCount <= 0) {
            throw new IllegalArgumentException("A topic has at least one partition, not " + partitionCount);
        }
        return Utils.toPositive(Utils.murmur2(incidentId.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }

    /** The incidents among {@code incidentIds} whose events are on one of the {@code assigned} partitions. */
    public static Set<String> on(Collection<String> incidentIds, Set<Integer> assigned, int partitionCount) {
        Set<String> selected = new TreeSet<>();
        for (String incidentId : incidentIds) {
            if (assigned.contains(partitionOf(incidentId, partitionCount))) {
                selected.add(incidentId);
            }
        }
        return selected;
    }
}
