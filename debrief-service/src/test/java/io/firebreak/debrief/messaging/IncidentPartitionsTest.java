package io.firebreak.debrief.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class IncidentPartitionsTest {

    private static final List<String> INCIDENTS = IntStream.range(0, 300)
            .mapToObj(i -> UUID.nameUUIDFromBytes(("incident-" + i).getBytes(StandardCharsets.UTF_8)).toString())
            .toList();

    @Test
    void placesAnIncidentWhereTheProducersDefaultPartitionerPutsItsEvents() {
        for (int partitions : new int[] {1, 3, 6, 7}) {
            for (String incidentId : INCIDENTS) {
                assertThat(IncidentPartitions.partitionOf(incidentId, partitions)).as(incidentId + " of " + partitions)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(incidentId.getBytes(StandardCharsets.UTF_8),
                                partitions));
            }
        }
    }

    @Test
    void selectsOnlyTheIncidentsOnTheAssignedPartitions() {
        Set<String> onZeroAndTwo = IncidentPartitions.on(INCIDENTS, Set.of(0, 2), 3);
        Set<String> onOne = IncidentPartitions.on(INCIDENTS, Set.of(1), 3);

        assertThat(onZeroAndTwo).isNotEmpty().allMatch(id -> IncidentPartitions.partitionOf(id, 3) != 1);
        assertThat(onOne).isNotEmpty().allMatch(id -> IncidentPartitions.partitionOf(id, 3) == 1);
        assertThat(onZeroAndTwo).as("two instances never reset each other's incidents").doesNotContainAnyElementsOf(onOne);
        assertThat(onZeroAndTwo.size() + onOne.size()).as("and together they reset every incident")
                .isEqualTo(INCIDENTS.size());
    }

    @Test
    void spreadsIncidentsOverEveryPartition() {
        Map<Integer, Long> perPartition = INCIDENTS.stream()
                .collect(Collectors.groupingBy(id -> IncidentPartitions.partitionOf(id, 3), Collectors.counting()));
        assertThat(perPartition).containsOnlyKeys(0, 1, 2);
    }

    @Test
    void selectsNothingWithoutAnAssignmentAndRefusesATopicWithoutPartitions() {
        assertThat(IncidentPartitions.on(INCIDENTS, Set.of(), 3)).isEmpty();
        assertThatThrownBy(() -> IncidentPartitions.partitionOf("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
