package io.firebreak.support.testing;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.CauseIdentified;
import io.firebreak.schemas.incident.ContainmentLever;
import io.firebreak.schemas.incident.ContainmentOutcome;
import io.firebreak.schemas.incident.ContainmentStepRecorded;
import io.firebreak.schemas.incident.CustomerImpactChanged;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Person;
import io.firebreak.schemas.incident.RoleAssigned;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.incident.SeverityChanged;
import io.firebreak.schemas.incident.StatusChanged;
import io.firebreak.schemas.incident.TimelineNoteAdded;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.schemas.incident.VideoBridgeAttached;
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
 * Writes one incident's events to the topic exactly as incident-command would (same serde, key, headers and
 * sequence numbers), so a projection can be tested without running the write side.
 */
public final class IncidentStory implements AutoCloseable {

    public final String incidentId = UUID.randomUUID().toString();
    private final KafkaProducer<String, SpecificRecord> producer;
    private long sequence;
    private Instant clock;
    private final java.util.List<SpecificRecord> sent = new java.util.ArrayList<>();
    private SpecificRecord last;
    private String traceParent;

    public IncidentStory(String bootstrapServers) {
        this(bootstrapServers, Instant.now().minusSeconds(600));
    }

    /** A story whose events happen from {@code start} on, 30 seconds apart. */
    public IncidentStory(String bootstrapServers, Instant start) {
        this.clock = start;
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "key.serializer", StringSerializer.class, "value.serializer", FirebreakEventSerializer.class));
    }

    private EventHeader header() {
        clock = clock.plusSeconds(30);
        return new EventHeader(UUID.randomUUID().toString(), incidentId, sequence++, clock,
                new Actor("u-ana", "Ana Lead", ActorKind.HUMAN));
    }

    public IncidentStory declared(String title, Severity severity, boolean customerImpact, String... services) {
        return declared(title, severity, customerImpact, IncidentType.ENGINEERING, false, services);
    }

    /** A declaration of a given incident type, or a drill (schema release 7). */
    public IncidentStory declared(String title, Severity severity, boolean customerImpact, IncidentType type,
            boolean drill, String... services) {
        Instant detected = clock.minusSeconds(300);
        return send(new IncidentDeclared(header(), "INC-" + (int) (Math.random() * 100_000), title, "internal summary",
                severity, IncidentStatus.INVESTIGATING, customerImpact, List.of(services), IncidentSource.ALERTMANAGER,
                "group", severity.name(), detected, "inc-test-" + incidentId.substring(0, 8), type, drill, List.of()));
    }

    public IncidentStory severity(Severity from, Severity to, String reason) {
        return send(new SeverityChanged(header(), from, to, reason));
    }

    /** A step of the containment checklist. */
    public IncidentStory containment(ContainmentLever lever, ContainmentOutcome outcome, String note) {
        return send(new ContainmentStepRecorded(header(), lever, outcome, note));
    }

    /** The "identified" milestone. */
    public IncidentStory identified(String cause) {
        return send(new CauseIdentified(header(), cause));
    }

    public IncidentStory videoBridge(String url) {
        return send(new VideoBridgeAttached(header(), url));
    }

    /** {@code name} joins the holders of {@code role} (several investigators). */
    public IncidentStory joins(IncidentRole role, String name) {
        return send(new RoleAssigned(header(), role, new Person("u-" + name, name, null, "U" + name.toUpperCase()), null,
                true));
    }

    public IncidentStory role(IncidentRole role, String name) {
        return send(new RoleAssigned(header(), role, new Person("u-" + name, name, null, "U" + name.toUpperCase()), null, false));
    }

    /** Moves the story's clock, so the next events happen at {@code instant}. */
    public IncidentStory at(Instant instant) {
        clock = instant;
        return this;
    }

    public String channelName() {
        return "inc-test-" + incidentId.substring(0, 8);
    }

    public IncidentStory note(NoteKind kind, String text) {
        return send(new TimelineNoteAdded(header(), kind, text));
    }

    /** Sends the n-th event (0-based) of this story again, late. */
    public IncidentStory resend(int index) {
        return send(sent.get(index));
    }

    public IncidentStory update(Audience audience, String happening, String affected, String doing) {
        return send(new UpdatePosted(header(), UUID.randomUUID().toString(), audience, happening, affected, doing,
                clock.plusSeconds(1800), null));
    }

    public IncidentStory status(IncidentStatus from, IncidentStatus to) {
        return send(new StatusChanged(header(), from, to, null));
    }

    public IncidentStory lead(String name) {
        return send(new RoleAssigned(header(), IncidentRole.INCIDENT_LEAD, new Person("u-" + name, name, null, null), null, false));
    }

    public IncidentStory note(String text) {
        return send(new TimelineNoteAdded(header(), NoteKind.DECISION, text));
    }

    public IncidentStory impact(boolean customerImpact, String... services) {
        return send(new CustomerImpactChanged(header(), customerImpact, List.of(services)));
    }

    public IncidentStory resolved() {
        return send(new IncidentResolved(header(), "rolled back", clock, clock));
    }

    public IncidentStory closed(String debriefUrl) {
        return send(new io.firebreak.schemas.incident.IncidentClosed(header(), debriefUrl));
    }

    /** The events sent from now on carry this W3C {@code traceparent} header, as incident-command's do (issue 19). */
    public IncidentStory traced(String traceParent) {
        this.traceParent = traceParent;
        return this;
    }

    /** Sends the previous event again, as a redelivery would. */
    public IncidentStory again() {
        return send(last);
    }

    private IncidentStory send(SpecificRecord event) {
        last = event;
        if (!sent.contains(event)) {
            sent.add(event);
        }
        try {
            ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(Topics.INCIDENT_EVENTS, incidentId,
                    event);
            if (traceParent != null) {
                record.headers().add("traceparent", traceParent.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            producer.send(record).get();
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
