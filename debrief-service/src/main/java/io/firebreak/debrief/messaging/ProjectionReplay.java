package io.firebreak.debrief.messaging;

import io.firebreak.debrief.readmodel.ProjectionReset;
import io.firebreak.schemas.catalog.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the projection from the topics, safely while other instances of the service share the consumer group:
 * it pauses both listeners, takes the partitions assigned to THIS instance, forgets only what those partitions gave
 * (the rows of the incidents keyed onto them, per topic; never what people wrote: sections, completions, follow-ups),
 * rewinds only those partitions to offset zero and resumes. Incidents on other instances' partitions are left
 * alone; a replay on each instance rebuilds everything. The same events give the same state.
 */
@Component
public class ProjectionReplay {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);
    private static final Duration PAUSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaListenerEndpointRegistry registry;
    private final IncidentEventsListener incidentListener;
    private final PagingEventsListener pagingListener;
    private final ProjectionReset reset;
    private final KafkaAdmin admin;
    private final TransactionTemplate transaction;

    public ProjectionReplay(KafkaListenerEndpointRegistry registry, IncidentEventsListener incidentListener,
            PagingEventsListener pagingListener, ProjectionReset reset, KafkaAdmin admin,
            PlatformTransactionManager transactionManager) {
        this.registry = registry;
        this.incidentListener = incidentListener;
        this.pagingListener = pagingListener;
        this.reset = reset;
        this.admin = admin;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** What a replay reset: how many incidents, which partitions it rewound, and whether it got all it meant to. */
    public record Result(int incidents, List<String> partitions, boolean complete) {
    }

    /** Blocking. */
    public synchronized Result resetAndReplay() {
        MessageListenerContainer incidents = registry.getListenerContainer(incidentListener.containerId());
        MessageListenerContainer paging = registry.getListenerContainer(pagingListener.containerId());
        incidents.pause();
        paging.pause();
        try {
            awaitPaused(incidents, paging);
            Set<TopicPartition> incidentPartitions = incidentListener.assignedPartitions();
            Set<TopicPartition> pagingPartitions = pagingListener.assignedPartitions();
            Set<String> known = reset.knownIncidents();
            Set<String> fromIncidentTopic = keyedOnto(known, Topics.INCIDENT_EVENTS, incidentPartitions);
            Set<String> fromPagingTopic = keyedOnto(known, Topics.PAGING_EVENTS, pagingPartitions);
            transaction.executeWithoutResult(status -> {
                reset.forgetIncidentEvents(fromIncidentTopic);
                reset.forgetPagingEvents(fromPagingTopic);
            });
            boolean complete = incidentListener.seekToBeginning(incidentPartitions)
                    & pagingListener.seekToBeginning(pagingPartitions);
            Set<String> touched = new TreeSet<>(fromIncidentTopic);
            touched.addAll(fromPagingTopic);
            List<String> rewound = List.copyOf(names(incidentPartitions, pagingPartitions));
            if (complete) {
                log.info("projection.replay incidents={} partitions={}", touched.size(), rewound);
            } else {
                // a rebalance moved a partition away after its rows were forgotten: its new owner starts from its
                // committed offset, so a replay there is needed to rebuild those incidents
                log.warn("projection.replay_incomplete incidents={} partitions={} assignment_changed=true",
                        touched.size(), rewound);
            }
            return new Result(touched.size(), rewound, complete);
        } finally {
            incidents.resume();
            paging.resume();
        }
    }

    private static void awaitPaused(MessageListenerContainer... containers) {
        long deadline = System.nanoTime() + PAUSE_TIMEOUT.toNanos();
        while (!allPaused(containers)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The listeners did not pause within " + PAUSE_TIMEOUT.toSeconds()
                        + " s; nothing was reset");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static boolean allPaused(MessageListenerContainer... containers) {
        for (MessageListenerContainer container : containers) {
            if (!container.isContainerPaused()) {
                return false;
            }
        }
        return true;
    }

    /** The incidents among {@code known} whose events on {@code topic} are on one of {@code assigned}. */
    private Set<String> keyedOnto(Set<String> known, String topic, Set<TopicPartition> assigned) {
        if (assigned.isEmpty()) {
            return Set.of();
        }
        int partitionCount = admin.describeTopics(topic).get(topic).partitions().size();
        return IncidentPartitions.on(known, assigned.stream().map(TopicPartition::partition)
                .collect(Collectors.toSet()), partitionCount);
    }

    @SafeVarargs
    private static Set<String> names(Set<TopicPartition>... partitions) {
        Set<String> names = new TreeSet<>();
        for (Set<TopicPartition> set : partitions) {
            set.forEach(partition -> names.add(partition.toString()));
        }
        return names;
    }
}
