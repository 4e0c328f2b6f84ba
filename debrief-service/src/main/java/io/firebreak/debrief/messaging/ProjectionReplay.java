package io.firebreak.debrief.messaging;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the projection from the topic: pauses the listener, empties the projection tables (never what people
 * wrote: edited sections, completions, follow-ups), rewinds to offset zero and resumes. The same events give
 * the same state.
 */
@Component
public class ProjectionReplay {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);

    private final KafkaListenerEndpointRegistry registry;
    private final IncidentEventsListener listener;
    private final PagingEventsListener pagingListener;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ProjectionReplay(KafkaListenerEndpointRegistry registry, IncidentEventsListener listener,
            PagingEventsListener pagingListener, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.pagingListener = pagingListener;
        this.registry = registry;
        this.listener = listener;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Blocking. Returns how many incidents the reset removed. */
    public synchronized int resetAndReplay() {
        MessageListenerContainer container = registry.getListenerContainer(IncidentEventsListener.ID);
        MessageListenerContainer paging = registry.getListenerContainer(PagingEventsListener.ID);
        container.pause();
        paging.pause();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(container.isContainerPaused() && paging.isContainerPaused()) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        Integer removed = transaction.execute(status -> {
            Integer incidents = jdbc.queryForObject("SELECT count(*) FROM incident", Integer.class);
            jdbc.execute("TRUNCATE processed_event, timeline_entry, incident, paging_milestone");
            return incidents;
        });
        listener.seekToBeginning();
        pagingListener.seekToBeginning();
        container.resume();
        paging.resume();
        log.info("projection.replay reset_incidents={}", removed);
        return removed == null ? 0 : removed;
    }
}
