package io.firebreak.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

class BatchApplierTest {

    /** Counts transactions; what a rolled-back transaction applied is taken back out of {@code applied}. */
    static final class Transactions implements PlatformTransactionManager {
        final List<String> applied = new ArrayList<>();
        int committed;
        private int mark;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            mark = applied.size();
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            committed++;
        }

        @Override
        public void rollback(TransactionStatus status) {
            applied.subList(mark, applied.size()).clear();
        }
    }

    private static List<ConsumerRecord<String, String>> records(String... values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>("t", 0, i, "k", values[i]));
        }
        return records;
    }

    @Test
    void appliesAWholePollInOneTransaction() {
        Transactions transactions = new Transactions();
        int applied = new BatchApplier(transactions).apply(records("a", "b", "c"), transactions.applied::add);
        assertThat(applied).isEqualTo(3);
        assertThat(transactions.applied).containsExactly("a", "b", "c");
        assertThat(transactions.committed).isOne();
    }

    @Test
    void appliesWhatCameBeforeAnUndecodableRecordAndNamesIt() {
        Transactions transactions = new Transactions();
        assertThatThrownBy(() -> new BatchApplier(transactions).apply(records("a", null, "c"),
                transactions.applied::add)).isInstanceOfSatisfying(BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).isEqualTo(-1).satisfies(ignored ->
                                assertThat(((ConsumerRecord<?, ?>) e.getRecord()).offset()).isEqualTo(1)));
        assertThat(transactions.applied).containsExactly("a");
    }

    @Test
    void findsTheRecordThatFailsOnItsOwn() {
        Transactions transactions = new Transactions();
        assertThatThrownBy(() -> new BatchApplier(transactions).apply(records("a", "b", "poison", "d"), value -> {
            if (value.equals("poison")) {
                throw new IllegalStateException("cannot apply");
            }
            transactions.applied.add(value);
        })).isInstanceOfSatisfying(BatchListenerFailedException.class,
                e -> assertThat(((ConsumerRecord<?, ?>) e.getRecord()).offset()).isEqualTo(2));
        assertThat(transactions.applied).as("the batch rolled back, then a and b one at a time").containsExactly("a", "b");
    }

    @Test
    void handsAWholePollToApplyAllAndHuntsAFailingRecordOneAtATime() {
        Transactions transactions = new Transactions();
        List<List<String>> calls = new ArrayList<>();
        assertThatThrownBy(() -> new BatchApplier(transactions).applyAll(records("a", "b", "poison", "d"), values -> {
            calls.add(values);
            for (String value : values) {
                if (value.equals("poison")) {
                    throw new IllegalStateException("cannot apply");
                }
                transactions.applied.add(value);
            }
        })).isInstanceOfSatisfying(BatchListenerFailedException.class,
                e -> assertThat(((ConsumerRecord<?, ?>) e.getRecord()).offset()).isEqualTo(2));
        assertThat(calls).containsExactly(List.of("a", "b", "poison", "d"), List.of("a"), List.of("b"),
                List.of("poison"));
        assertThat(transactions.applied).as("the poll rolled back, then a and b one at a time").containsExactly("a", "b");
    }

    @Test
    void namesAnUndecodableRecordWithItsDeserializationFailureSoItIsNotRetried() {
        Transactions transactions = new Transactions();
        List<ConsumerRecord<String, String>> records = records("a", null);
        SerializationUtils.deserializationException(records.get(1).headers(), new byte[] {1, 2},
                new IllegalStateException("not Avro"), false);
        assertThatThrownBy(() -> new BatchApplier(transactions).apply(records, transactions.applied::add))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getCause())
                        .isInstanceOf(DeserializationException.class).hasRootCauseMessage("not Avro"));
        assertThat(transactions.applied).containsExactly("a");
    }
}
