package io.firebreak.support.kafka;

import io.firebreak.support.tracing.ConsumerTracing;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a poll's records in one database transaction (issue 13: catching up after an outage in batches, not one
 * transaction per event). The records up to the first undecodable one (a null value from the
 * ErrorHandlingDeserializer) go in together; if that transaction fails, they are applied one at a time to find the
 * record that fails on its own, and that record is named to the pipeline's error handler
 * ({@link BatchListenerFailedException}), which commits the records before it, retries it and finally dead-letters
 * it (an undecodable record at once). Records before it may be applied twice that way, so each {@code apply} must dedupe on the event id.
 */
public final class BatchApplier {

    private static final LogAccessor LOG = new LogAccessor(BatchApplier.class);

    private final TransactionTemplate transaction;

    public BatchApplier(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Applies the batch record by record (in one transaction); returns how many records were applied. */
    public <K, V> int apply(List<ConsumerRecord<K, V>> records, Consumer<V> apply) {
        return applyAll(records, values -> values.forEach(apply));
    }

    /**
     * Applies the batch with one call of {@code applyAll} for all its decodable records (so the projection can send
     * its statements as JDBC batches and dedupe the whole poll in one statement); while hunting a failing record it
     * is called with one record at a time. Returns how many records were handed over in the committed
     * transaction(s).
     */
    public <K, V> int applyAll(List<ConsumerRecord<K, V>> records, Consumer<List<V>> applyAll) {
        int undecodable = -1;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() == null) {
                undecodable = i;
                break;
            }
        }
        List<ConsumerRecord<K, V>> decodable = undecodable < 0 ? records : records.subList(0, undecodable);
        try {
            if (!decodable.isEmpty()) {
                List<V> values = decodable.stream().map(ConsumerRecord::value).toList();
                transaction.executeWithoutResult(status -> ConsumerTracing.aroundBatch(decodable,
                        () -> applyAll.accept(values)));
            }
        } catch (RuntimeException batchFailed) {
            for (ConsumerRecord<K, V> record : decodable) {
                try {
                    transaction.executeWithoutResult(status -> ConsumerTracing.within(record,
                            () -> applyAll.accept(List.of(record.value()))));
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException("Applying failed for " + record.topic() + "-"
                            + record.partition() + "@" + record.offset(), failed, record);
                }
            }
        }
        if (undecodable >= 0) {
            // named with the deserializer's failure, which the pipeline's error handler does not retry: the bytes
            // will not change, so the record goes to its dead-letter topic at once instead of holding the partition
            // (and a replay) for the whole back-off
            ConsumerRecord<K, V> record = records.get(undecodable);
            throw new BatchListenerFailedException("Undecodable record " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), SerializationUtils.getExceptionFromHeader(record,
                            SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG), record);
        }
        return decodable.size();
    }
}
