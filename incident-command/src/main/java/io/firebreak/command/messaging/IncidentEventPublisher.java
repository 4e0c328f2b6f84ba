package io.firebreak.command.messaging;

import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.support.tracing.TraceParents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event, in event-store order, to {@value Topics#INCIDENT_EVENTS} (key = incident id).
 *
 * <p>Runs in its own streaming processor. The events of one processor batch are collected and sent in one
 * Kafka transaction just before the batch's database transaction (which holds the processor's token)
 * commits: if Kafka does not acknowledge, the batch rolls back, the token stays where it was, and the
 * processor retries with back-off. Consumers read with {@code isolation.level=read_committed}, so an aborted
 * attempt is never seen. A crash between the Kafka commit and the token commit republishes the batch; every
 * consumer deduplicates on the event id. Each record carries the {@code traceparent} stored with its event, if any.
 */
@Component
@ProcessingGroup(IncidentEventPublisher.GROUP)
public class IncidentEventPublisher {

    public static final String GROUP = "kafka-publisher";

    private static final Logger log = LoggerFactory.getLogger(IncidentEventPublisher.class);
    private static final String BATCH = IncidentEventPublisher.class.getName() + ".batch";

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final AvroEventMapper mapper;
    private final long sendTimeoutMillis;
    private final PublisherSettings settings;

    public IncidentEventPublisher(@Qualifier("incidentEventTemplate") KafkaTemplate<String, SpecificRecord> kafka,
            AvroEventMapper mapper, PublisherSettings settings) {
        this.kafka = kafka;
        this.mapper = mapper;
        this.sendTimeoutMillis = settings.sendTimeout().toMillis();
        this.settings = settings;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        SpecificRecord avro = mapper.toAvro(message);
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(Topics.INCIDENT_EVENTS,
                message.getAggregateIdentifier(), avro);
        if (message.getMetaData().get(TraceParents.HEADER) instanceof String traceParent
                && TraceParents.isValid(traceParent)) {
            // the trace of the request that caused the event (TraceParentCorrelation), not this thread's
            record.headers().add(TraceParents.HEADER, traceParent.getBytes(StandardCharsets.US_ASCII));
        }
        batch().add(record);
    }

    private List<ProducerRecord<String, SpecificRecord>> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
            unitOfWork.onPrepareCommit(uow -> publish(records));
            return records;
        });
    }

    /**
     * Sends the batch in one Kafka transaction, retrying here for up to {@code retryWindow}: Axon's own retry
     * backs off exponentially to a minute, which after a broker outage would leave consumers that long behind.
     * Each attempt is bounded by the producer's timeouts (config/KafkaConfig), and a failed attempt's producer is
     * replaced by one with the same transactional id, whose initialisation aborts anything the old one left open.
     */
    private void publish(List<ProducerRecord<String, SpecificRecord>> records) {
        if (records.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + settings.retryWindow().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                publishOnce(records);
                if (attempt > 1) {
                    log.info("publish.recovered attempts={} events={}", attempt, records.size());
                }
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() + settings.retryBackoff().toNanos() > deadline) {
                    throw e;
                }
                log.warn("publish.retry attempt={} events={} error={}", attempt, records.size(), e.toString());
                try {
                    Thread.sleep(settings.retryBackoff().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void publishOnce(List<ProducerRecord<String, SpecificRecord>> records) {
        long started = System.nanoTime();
        kafka.executeInTransaction(operations -> {
            List<CompletableFuture<SendResult<String, SpecificRecord>>> sends = new ArrayList<>(records.size());
            records.forEach(record -> sends.add(operations.send(record)));
            for (CompletableFuture<SendResult<String, SpecificRecord>> send : sends) {
                await(send);
            }
            return null;
        });
        if (log.isDebugEnabled()) {
            log.debug("published batch events={} first={} last={} tookMs={}", records.size(),
                    IncidentEvents.header(records.get(0).value()).getEventId(),
                    IncidentEvents.header(records.get(records.size() - 1).value()).getEventId(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void await(CompletableFuture<SendResult<String, SpecificRecord>> send) {
        try {
            send.get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be retried", e);
        }
    }
}
