package io.firebreak.notification.messaging;

import io.firebreak.schemas.serde.FirebreakEventSerializer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes paging events from the outbox, oldest first, at least once (consumers dedupe on eventId). */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;

    public OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, byte[]> outboxTemplate, Clock clock) {
        this.jdbc = jdbc;
        this.kafka = outboxTemplate;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${firebreak.notification.outbox-interval:300ms}")
    public synchronized void relay() {
        List<Map<String, Object>> pending = jdbc.queryForList("SELECT * FROM outbox WHERE published_at IS NULL"
                + " ORDER BY position LIMIT 200");
        for (Map<String, Object> row : pending) {
            try {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>((String) row.get("topic"),
                        (String) row.get("record_key"), (byte[]) row.get("payload"));
                record.headers().add(FirebreakEventSerializer.EVENT_TYPE_HEADER,
                        ((String) row.get("event_type")).getBytes(StandardCharsets.UTF_8));
                kafka.send(record).get(10, TimeUnit.SECONDS);
                jdbc.update("UPDATE outbox SET published_at = ? WHERE event_id = ?", Timestamp.from(clock.instant()),
                        row.get("event_id"));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.warn("outbox.publish_failed event={} error={}", row.get("event_id"), e.toString());
                return;
            }
        }
    }
}
