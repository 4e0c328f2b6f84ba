package io.firebreak.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class StatementBatchTest {

    /** Records what would be sent, one line per round trip; the SQL itself runs against PostgreSQL in every IT. */
    static final class Recording extends JdbcTemplate {
        final List<String> sent = new ArrayList<>();

        @Override
        public int update(String sql, Object... args) {
            sent.add(sql + " " + Arrays.toString(args));
            return 1;
        }

        @Override
        public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
            sent.add(sql + " " + batchArgs.stream().map(Arrays::toString).toList());
            return new int[batchArgs.size()];
        }
    }

    @Test
    void sendsTheHeadsOfTheQueuesThatShareOneSqlTogetherAndKeepsEachKeysOrder() {
        Recording jdbc = new Recording();
        StatementBatch batch = new StatementBatch(jdbc);
        batch.add("incident-a", "insert", "a1");
        batch.add("incident-a", "update", "a2");
        batch.add("incident-b", "insert", "b1");
        batch.add("incident-b", "close", "b3");
        batch.add("event-c", "update", "c2");
        batch.add("incident-a", "close", "a3");

        batch.flush();

        assertThat(jdbc.sent).containsExactly("insert [[a1], [b1]]", "update [[a2], [c2]]", "close [[a3], [b3]]");
        assertThat(batch.rounds()).isEqualTo(3);
    }

    @Test
    void aLoneStatementIsSentAsItselfAndAFlushedBatchIsEmpty() {
        Recording jdbc = new Recording();
        StatementBatch batch = new StatementBatch(jdbc);
        batch.add("k", "update", 1, null);
        batch.flush();
        batch.flush();
        assertThat(jdbc.sent).containsExactly("update [1, null]");
    }
}
