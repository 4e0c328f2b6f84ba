package io.firebreak.notification.support;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.command.CommandOutcome;
import io.firebreak.schemas.command.IncidentCommandHandled;
import io.firebreak.schemas.command.IncidentCommandRequested;
import io.firebreak.schemas.serde.FirebreakEventDeserializer;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * incident-command's side of the Slack command topics, played by the test: reads every IncidentCommandRequested on
 * {@value Topics#INCIDENT_COMMANDS} (from the start, in a group of its own) and answers with IncidentCommandHandled on
 * {@value Topics#INCIDENT_COMMAND_RESULTS}.
 */
public final class IncidentCommandSide implements AutoCloseable {

    /** A request as read: its record key and the request. */
    public record Received(String key, IncidentCommandRequested request) {
    }

    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final KafkaProducer<String, SpecificRecord> producer;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public IncidentCommandSide(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "group.id",
                "incident-command-side-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "key.deserializer",
                StringDeserializer.class, "value.deserializer", FirebreakEventDeserializer.class));
        consumer.subscribe(List.of(Topics.INCIDENT_COMMANDS));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "key.serializer", StringSerializer.class, "value.serializer", FirebreakEventSerializer.class));
    }

    /** Everything read so far (polls once). */
    public List<Received> requests() {
        for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
            if (record.value() instanceof IncidentCommandRequested requested) {
                received.add(new Received(record.key(), requested));
            }
        }
        return List.copyOf(received);
    }

    /** The requests for one incident. */
    public List<IncidentCommandRequested> requestsFor(String incidentId) {
        return requests().stream().map(Received::request).filter(r -> r.getIncidentId().equals(incidentId)).toList();
    }

    public void answer(IncidentCommandRequested request, CommandOutcome outcome, String reference, String title,
            String detail) {
        answer(request, outcome, reference, title, detail, null);
    }

    /** An answer naming the field at fault, as incident-command's refusals do. */
    public void answer(IncidentCommandRequested request, CommandOutcome outcome, String reference, String title,
            String detail, String field) {
        IncidentCommandHandled handled = IncidentCommandHandled.newBuilder().setEventId(UUID.randomUUID().toString())
                .setCommandId(request.getCommandId()).setIncidentId(request.getIncidentId()).setReference(reference)
                .setOutcome(outcome).setProblemTitle(title).setProblemDetail(detail).setField(field)
                .setHandledAt(Instant.now()).build();
        try {
            producer.send(new ProducerRecord<>(Topics.INCIDENT_COMMAND_RESULTS, request.getCommandId(), handled)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
    }
}
