package io.firebreak.statuspage.support;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.ComponentStatus;
import io.firebreak.schemas.incident.ComponentStatusSet;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.PublicWordingEdited;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.incident.StatusPageHidden;
import io.firebreak.schemas.incident.StatusPagePublished;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One incident's events including the comms owner's (schema release 8: publish, hide, wording, component status)
 * and customer updates with "what you can do", written to the topic as incident-command writes them (same serde,
 * key and sequence numbers). service-support's IncidentStory predates release 8; this keeps the page's tests off it
 * while other modules change it.
 */
public final class CommsStory implements AutoCloseable {

    public final String incidentId = UUID.randomUUID().toString();
    private final KafkaProducer<String, SpecificRecord> producer;
    private long sequence;
    private Instant clock;

    /** Events from {@code start} on, a minute apart unless moved with {@link #at}. */
    public CommsStory(String bootstrapServers, Instant start) {
        this.clock = start;
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "key.serializer", StringSerializer.class, "value.serializer", FirebreakEventSerializer.class));
    }

    private EventHeader header() {
        EventHeader header = new EventHeader(UUID.randomUUID().toString(), incidentId, sequence++, clock,
                new Actor("u-cora", "Cora Comms", ActorKind.HUMAN));
        clock = clock.plusSeconds(60);
        return header;
    }

    public CommsStory at(Instant instant) {
        clock = instant;
        return this;
    }

    /** Declared with {@code detectedAt} = the event's time (monitoring saw it then). */
    public CommsStory declared(String internalTitle, Severity severity, boolean customerImpact, IncidentType type,
            boolean drill, String... services) {
        Instant detected = clock;
        return send(new IncidentDeclared(header(), "INC-" + (int) (Math.random() * 100_000), internalTitle,
                "internal summary", severity, IncidentStatus.INVESTIGATING, customerImpact, List.of(services),
                IncidentSource.ALERTMANAGER, "group", severity.name(), detected, "inc-comms-" + incidentId.substring(0, 8),
                type, drill, List.of()));
    }

    public CommsStory declared(String internalTitle, Severity severity, boolean customerImpact, String... services) {
        return declared(internalTitle, severity, customerImpact, IncidentType.ENGINEERING, false, services);
    }

    public CommsStory customerUpdate(String happening, String affected, String doing, String youCanDo) {
        return send(new UpdatePosted(header(), UUID.randomUUID().toString(), Audience.CUSTOMER, happening, affected,
                doing, null, youCanDo));
    }

    public CommsStory published(String title, String message) {
        return send(new StatusPagePublished(header(), title, message));
    }

    public CommsStory hidden(String reason) {
        return send(new StatusPageHidden(header(), reason));
    }

    public CommsStory wording(String title, String message) {
        return send(new PublicWordingEdited(header(), title, message));
    }

    public CommsStory component(String component, ComponentStatus status) {
        return send(new ComponentStatusSet(header(), component, status));
    }

    public CommsStory resolved() {
        Instant at = clock;
        return send(new IncidentResolved(header(), "rolled back", at, at));
    }

    private CommsStory send(SpecificRecord event) {
        try {
            producer.send(new ProducerRecord<>(Topics.INCIDENT_EVENTS, incidentId, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    @Override
    public void close() {
        producer.close();
    }
}
