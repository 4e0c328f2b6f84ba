package io.firebreak.command.support;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.debrief.DebriefCompleted;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays debrief-service: publishes a DebriefCompleted on its topic, as its outbox does (possibly more than once). */
public final class DebriefEvents {

    private DebriefEvents() {
    }

    /** Publishes the completion {@code times} times with the same event id, and returns it. */
    public static DebriefCompleted complete(String bootstrapServers, String incidentId, String reference,
            Severity severity, String debriefUrl, int times) {
        String eventId = UUID.randomUUID().toString();
        Instant at = Instant.now();
        Actor actor = new Actor("u-ana", "Ana", ActorKind.HUMAN);
        DebriefCompleted event = new DebriefCompleted(eventId, incidentId, reference, severity, "FULL", at, actor,
                debriefUrl, 1, new EventHeader(eventId, incidentId, 0L, at, actor));
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, FirebreakEventSerializer.class))) {
            for (int i = 0; i < times; i++) {
                producer.send(new ProducerRecord<>(Topics.DEBRIEF_EVENTS, incidentId, event));
            }
            producer.flush();
        }
        return event;
    }
}
