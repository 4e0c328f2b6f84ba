package io.firebreak.support.jdbc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of a projection for one poll, sent to PostgreSQL as JDBC batches instead of one round trip each
 * (issue 19: replay at half the raw consumer's rate). Each statement is queued under a key naming the rows it
 * touches (an incident id, an event id): statements under one key run in the order they were queued, statements
 * under different keys must commute, so {@link #flush()} may send all the heads of the queues that share one SQL text
 * as one batch, round after round. A projection that reads what it wrote flushes first.
 */
public final class StatementBatch {

    private record Statement(String sql, Object[] args) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, ArrayDeque<Statement>> queues = new LinkedHashMap<>();
    private int rounds;

    public StatementBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues {@code sql} with {@code args} behind whatever was queued under {@code key}. */
    public void add(String key, String sql, Object... args) {
        queues.computeIfAbsent(key, k -> new ArrayDeque<>()).add(new Statement(sql, args));
    }

    /**
     * Runs everything queued: each round takes the SQL at the head of the oldest queue and sends, as one batch, the
     * head of every queue that starts with the same SQL, so no key's statements overtake one another.
     */
    public void flush() {
        while (!queues.isEmpty()) {
            String sql = queues.values().iterator().next().peek().sql();
            List<Object[]> args = new ArrayList<>();
            for (Iterator<ArrayDeque<Statement>> it = queues.values().iterator(); it.hasNext(); ) {
                ArrayDeque<Statement> queue = it.next();
                if (queue.peek().sql().equals(sql)) {
                    args.add(queue.poll().args());
                    if (queue.isEmpty()) {
                        it.remove();
                    }
                }
            }
            if (args.size() == 1) {
                jdbc.update(sql, args.get(0));
            } else {
                jdbc.batchUpdate(sql, args);
            }
            rounds++;
        }
    }

    /** How many round trips the flushes so far took (for tests and logs). */
    public int rounds() {
        return rounds;
    }
}
