package io.firebreak.debrief.messaging;

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

/**
 * Sends what the outbox holds, oldest first, and marks each row once Kafka acknowledged it. A failure leaves the
 * row for the next round: at least once, in order; consumers deduplicate on the event id.
 */
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

    @Scheduled(fixedDelayString = "${firebreak.debrief.outbox-interval:500ms}")
    public void relay() {
        List<Map<String, Object>> pending = jdbc.queryForList("SELECT event_id, topic, record_key, payload FROM outbox"
                + " WHERE published_at IS NULL ORDER BY created_at, event_id LIMIT 100");
        for (Map<String, Object> row : pending) {
            String eventId = (String) row.get("event_id");
            try {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>((String) row.get("topic"),
                        (String) row.get("record_key"), (byte[]) row.get("payload"));
                record.headers().add(FirebreakEventSerializer.EVENT_TYPE_HEADER,
                        "DebriefCompleted".getBytes(StandardCharsets.UTF_8));
                kafka.send(record).get(10, TimeUnit.SECONDS);
                jdbc.update("UPDATE outbox SET published_at = ? WHERE event_id = ?", Timestamp.from(clock.instant()),
                        eventId);
            } catch (Exception e) {
                log.warn("outbox.publish_failed event={} error={}", eventId, e.toString());
                return;
            }
        }
    }
}
