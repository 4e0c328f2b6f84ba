package io.firebreak.support.outbox;

import io.firebreak.schemas.serde.FirebreakEventSerializer;
import io.firebreak.support.tracing.TraceParents;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, oldest first, and marks each row once Kafka acknowledged it. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances share the work without sending a row twice at once. A
 * failure leaves the row for the next round: at least once, in order; consumers deduplicate on the event id. A row's
 * stored trace context becomes the record's {@code traceparent} header, so the trace goes on past the relay's thread.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;
    private final int batchSize;
    /** Rows not yet published, as of the last round (Prometheus {@code firebreak_outbox_backlog}). */
    private final AtomicLong backlog = new AtomicLong();

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaTemplate<String, byte[]> kafka,
            Clock clock, int batchSize) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** One round; returns how many rows were published. */
    public int relay() {
        int[] claimed = {0};
        Integer sent = transaction.execute(status -> {
            List<Row> pending = jdbc.query("SELECT event_id, topic, record_key, event_type, payload, trace_parent"
                    + " FROM outbox"
                    + " WHERE published_at IS NULL ORDER BY position LIMIT ? FOR UPDATE SKIP LOCKED",
                    (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBytes(5), rs.getString(6)), batchSize);
            claimed[0] = pending.size();
            int published = 0;
            for (Row row : pending) {
                if (!send(row)) {
                    break;
                }
                jdbc.update("UPDATE outbox SET published_at = ? WHERE event_id = ?", Timestamp.from(clock.instant()),
                        row.eventId());
                published++;
            }
            return published;
        });
        int published = sent == null ? 0 : sent;
        // a round that emptied what it claimed, short of a full batch, left nothing behind; otherwise count
        backlog.set(published == claimed[0] && claimed[0] < batchSize ? 0
                : jdbc.queryForObject("SELECT count(*) FROM outbox WHERE published_at IS NULL", Long.class));
        return published;
    }

    public long backlog() {
        return backlog.get();
    }

    private boolean send(Row row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers().add(FirebreakEventSerializer.EVENT_TYPE_HEADER,
                row.eventType().getBytes(StandardCharsets.UTF_8));
        if (TraceParents.isValid(row.traceParent())) {
            record.headers().add(TraceParents.HEADER, row.traceParent().getBytes(StandardCharsets.US_ASCII));
        }
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("outbox.publish_failed event={} error={}", row.eventId(), e.toString());
            return false;
        }
    }

    private record Row(String eventId, String topic, String key, String eventType, byte[] payload,
            String traceParent) {
    }
}
