package io.firebreak.debrief.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.debrief.support.DebriefIntegrationTest;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.kafka.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** A record nobody can decode goes to the dead-letter topic and does not block the events behind it. */
@DebriefIntegrationTest
class PoisonMessageIT {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeadLetters deadLetters;

    @Test
    void movesAPoisonRecordToTheDeadLetterTopicAndKeepsConsuming() throws Exception {
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                broker.getBrokersAsString(), "key.serializer", StringSerializer.class,
                "value.serializer", ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.INCIDENT_EVENTS, key,
                    "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8))).get();
        }
        String incidentId;
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared("Behind the poison", Severity.MINOR, false, "search");
            incidentId = story.incidentId;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM incident WHERE incident_id = ?", Long.class, incidentId) == 1);

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                broker.getBrokersAsString(), "group.id", "dlt-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class, "value.deserializer", ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of("firebreak.incident-events.debrief.DLT"));
            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                return dead.stream().anyMatch(r -> key.equals(r.key()));
            });
            ConsumerRecord<String, byte[]> letter = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{\"not\":\"avro\"}");
            assertThat(letter.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
            // the pipeline counts a dead letter right after its send to the DLT returns, so the record can be read
            // a moment before it is counted (seen once under load)
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deadLetters.count())
                    .as("counted in health and metrics").isPositive());
        }
    }
}
