package io.firebreak.support.kafka;

import io.firebreak.support.tracing.ConsumerTracing;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a poll's records in one database transaction (issue 13: catching up after an outage in batches, not one
 * transaction per event). The records up to the first undecodable one (a null value from the
 * ErrorHandlingDeserializer) go in together; if that transaction fails, they are applied one at a time to find the
 * record that fails on its own, and that record is named to the pipeline's error handler
 * ({@link BatchListenerFailedException}), which commits the records before it, retries it and finally dead-letters
 * it. Records before it may be applied twice that way, so each {@code apply} must dedupe on the event id.
 */
public final class BatchApplier {

    private final TransactionTemplate transaction;

    public BatchApplier(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Applies the batch; returns how many records were handed to {@code apply} in the committed transaction(s). */
    public <K, V> int apply(List<ConsumerRecord<K, V>> records, Consumer<V> apply) {
        int undecodable = -1;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() == null) {
                undecodable = i;
                break;
            }
        }
        List<ConsumerRecord<K, V>> decodable = undecodable < 0 ? records : records.subList(0, undecodable);
        try {
            transaction.executeWithoutResult(status -> decodable.forEach(record -> ConsumerTracing.within(record,
                    () -> apply.accept(record.value()))));
        } catch (RuntimeException batchFailed) {
            for (ConsumerRecord<K, V> record : decodable) {
                try {
                    transaction.executeWithoutResult(status -> ConsumerTracing.within(record,
                            () -> apply.accept(record.value())));
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException("Applying failed for " + record.topic() + "-"
                            + record.partition() + "@" + record.offset(), failed, record);
                }
            }
        }
        if (undecodable >= 0) {
            throw new BatchListenerFailedException("Undecodable record", records.get(undecodable));
        }
        return decodable.size();
    }
}
