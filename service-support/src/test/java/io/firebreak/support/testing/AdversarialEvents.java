package io.firebreak.support.testing;

import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.AlertAttached;
import io.firebreak.schemas.incident.AlertStatus;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.CauseIdentified;
import io.firebreak.schemas.incident.ContainmentLever;
import io.firebreak.schemas.incident.ContainmentOutcome;
import io.firebreak.schemas.incident.ContainmentStepRecorded;
import io.firebreak.schemas.incident.CustomerImpactChanged;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.ExposureKind;
import io.firebreak.schemas.incident.IncidentClosed;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentReopened;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Person;
import io.firebreak.schemas.incident.RoleAssigned;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.incident.SeverityChanged;
import io.firebreak.schemas.incident.StatusChanged;
import io.firebreak.schemas.incident.TimelineNoteAdded;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.schemas.incident.VideoBridgeAttached;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
import io.firebreak.support.kafka.ConsumerPipelineConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Adversarial-but-valid incident events (issue 13): everything the schema allows and a projection might choke on:
 * text far longer than any column used to be, emoji, right-to-left and combining text, empty strings, a NUL, null
 * optional fields, timestamps at the bounds 2000-01-01 and 2199-12-31, sequences near {@code Long.MAX_VALUE}, huge
 * label maps and service lists, events for an incident never declared, duplicates and out-of-order delivery. Written
 * with the real serde, keyed by incident id, as incident-command writes them. (A candidate for service-support's
 * test-jar, next to {@code IncidentStory}; it is kept here because that module is not this change's to edit.)
 */
public final class AdversarialEvents implements AutoCloseable {

    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2199-12-31T23:59:59.999Z");
    /** Emoji (surrogate pairs, ZWJ sequences), right-to-left, combining marks, CJK. */
    public static final String UNICODE = "🔥🧯👩‍🚒 שלום مرحبا e\u0301\u0302 日本語 ";

    public final String incidentId = UUID.randomUUID().toString();
    private final KafkaProducer<String, SpecificRecord> producer;
    private final List<SpecificRecord> sent = new ArrayList<>();
    private long sequence;
    private Instant at = EARLIEST;

    public AdversarialEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "key.serializer", StringSerializer.class, "value.serializer", FirebreakEventSerializer.class));
    }

    public static String longText(int length) {
        StringBuilder text = new StringBuilder(length + UNICODE.length());
        while (text.length() < length) {
            text.append(UNICODE).append("lorem ipsum ");
        }
        return text.toString();
    }

    /** Starts this incident's sequence at {@code first} (e.g. near {@code Long.MAX_VALUE}). */
    public AdversarialEvents sequenceFrom(long first) {
        sequence = first;
        return this;
    }

    public EventHeader header() {
        return header(UUID.randomUUID().toString());
    }

    public EventHeader header(String eventId) {
        at = at.equals(EARLIEST) ? EARLIEST.plusSeconds(1) : at.plusSeconds(60);
        return new EventHeader(eventId, incidentId, sequence++, at,
                new Actor(longText(500), longText(500), ActorKind.INTEGRATION));
    }

    /** A header at a given instant (2000-01-01, 2199-12-31). */
    public EventHeader headerAt(Instant instant) {
        EventHeader h = header();
        h.setOccurredAt(instant);
        return h;
    }

    public static Person person(String name) {
        return new Person(longText(300), name, null, longText(300));
    }

    public static List<String> services(int count) {
        return IntStream.range(0, count).mapToObj(i -> "service-" + i + "-" + longText(100)).toList();
    }

    public IncidentDeclared declared(Severity severity, boolean customerImpact) {
        return new IncidentDeclared(header(UUID.randomUUID() + "-" + longText(120)), longText(100), longText(10_000), "",
                severity, IncidentStatus.INVESTIGATING, customerImpact, services(1_000), IncidentSource.WEBHOOK,
                null, "sev-∞ " + longText(300), EARLIEST, longText(300), IncidentType.ENGINEERING, false, List.of());
    }

    /** The whole story of one incident, every kind of event, ending CLOSED at the last sequence. */
    public List<SpecificRecord> story() {
        List<SpecificRecord> events = new ArrayList<>();
        IncidentDeclared declared = declared(Severity.MINOR, true);
        events.add(declared);
        events.add(declared); // a redelivery
        events.add(new SeverityChanged(header(), Severity.MINOR, Severity.CRITICAL, ""));
        events.add(new SeverityChanged(header(), Severity.CRITICAL, Severity.MAJOR, null));
        events.add(new StatusChanged(header(), IncidentStatus.INVESTIGATING, IncidentStatus.FIXING, null));
        events.add(new RoleAssigned(header(), IncidentRole.INCIDENT_LEAD, person(longText(1_000)), null, false));
        events.add(new RoleAssigned(header(), IncidentRole.COMMS_OWNER, person(UNICODE),
                person("previous\nline"), false));
        events.add(new RoleAssigned(header(), IncidentRole.INVESTIGATION_OWNER, new Person("", "", "", ""), null, false));
        for (NoteKind kind : NoteKind.values()) {
            events.add(new TimelineNoteAdded(header(), kind, ""));
        }
        events.add(new TimelineNoteAdded(header(), NoteKind.DECISION, "before\u0000after " + longText(64_000)));
        events.add(new TimelineNoteAdded(header(), NoteKind.NOTE, "\t\n\r  "));
        Map<String, String> labels = new LinkedHashMap<>();
        IntStream.range(0, 2_000).forEach(i -> labels.put("label-" + i + UNICODE, longText(50)));
        events.add(new AlertAttached(header(), longText(200), longText(500), AlertStatus.FIRING, longText(5_000),
                labels, EARLIEST, null, "javascript:alert(1)"));
        events.add(new AlertAttached(header(), "", "", AlertStatus.RESOLVED, "", Map.of(), LATEST, LATEST, null));
        events.add(new CustomerImpactChanged(header(), true, services(2_000)));
        events.add(new CustomerImpactChanged(header(), true, List.of()));
        events.add(new UpdatePosted(header(), "upd|" + longText(200) + "|7", Audience.CUSTOMER, longText(10_000),
                null, null, LATEST, null));
        events.add(new UpdatePosted(header(), UUID.randomUUID().toString(), Audience.CUSTOMER, UNICODE, "", "",
                EARLIEST, null));
        events.add(new UpdatePosted(header(), "", Audience.INTERNAL, "", null, longText(3_000), null, null));
        EventHeader resolvedHeader = header();
        EventHeader reopenedHeader = header();
        // out of order: the reopening arrives before the resolution it follows
        events.add(new IncidentReopened(reopenedHeader, ""));
        events.add(new IncidentResolved(resolvedHeader, longText(10_000), EARLIEST, LATEST));
        events.add(new StatusChanged(headerAt(LATEST), IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING,
                longText(2_000)));
        events.add(new IncidentResolved(headerAt(LATEST), UNICODE, LATEST, LATEST));
        events.add(new IncidentClosed(headerAt(LATEST), "https://debriefs.example/" + longText(3_000)));
        events.add(new SeverityChanged(declared.getHeader(), Severity.MINOR, Severity.MINOR, null)); // same id, late
        return events;
    }

    /**
     * Schema release 7 at its bounds: a security drill with every suspected exposure, every containment lever with
     * every outcome (notes long, empty, with a NUL), causes long and empty (the second corrects the first), video
     * bridges, investigators joining, then resolved.
     */
    public List<SpecificRecord> kindsOfIncident() {
        List<SpecificRecord> events = new ArrayList<>();
        IncidentDeclared declared = declared(Severity.CRITICAL, true);
        declared.setIncidentType(IncidentType.SECURITY);
        declared.setDrill(true);
        declared.setSuspectedExposure(List.of(ExposureKind.values()));
        events.add(declared);
        for (ContainmentLever lever : ContainmentLever.values()) {
            for (ContainmentOutcome outcome : ContainmentOutcome.values()) {
                events.add(new ContainmentStepRecorded(header(), lever, outcome, switch (outcome) {
                    case CONTAINED -> longText(20_000);
                    case NOT_CONTAINED -> "";
                    case NOT_APPLICABLE -> "before\u0000after " + UNICODE;
                }));
            }
        }
        ContainmentStepRecorded redelivered = new ContainmentStepRecorded(header(), ContainmentLever.DATA_CORRECTION,
                ContainmentOutcome.CONTAINED, "once");
        events.add(redelivered);
        events.add(redelivered);
        events.add(new CauseIdentified(header(), longText(10_000)));
        events.add(new CauseIdentified(header(), ""));
        events.add(new VideoBridgeAttached(header(), "https://meet.example/" + longText(3_000) + "?pwd=secret#x"));
        events.add(new VideoBridgeAttached(header(), ""));
        events.add(new RoleAssigned(header(), IncidentRole.INVESTIGATION_OWNER, person(UNICODE), null, true));
        events.add(new RoleAssigned(header(), IncidentRole.INVESTIGATION_OWNER, person(longText(1_000)), null, true));
        events.add(new IncidentResolved(header(), UNICODE, EARLIEST, LATEST));
        return events;
    }

    /** Events for an incident nobody declared. */
    public List<SpecificRecord> undeclared() {
        List<SpecificRecord> events = new ArrayList<>();
        events.add(new SeverityChanged(header(), Severity.MINOR, Severity.CRITICAL, "no declaration seen"));
        events.add(new StatusChanged(header(), IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING, null));
        events.add(new RoleAssigned(header(), IncidentRole.COMMS_OWNER, person("Nobody"), null, false));
        events.add(new TimelineNoteAdded(header(), NoteKind.DECISION, "decided about nothing"));
        events.add(new UpdatePosted(header(), UUID.randomUUID().toString(), Audience.CUSTOMER, "ghost", "a", "b",
                LATEST, null));
        events.add(new CustomerImpactChanged(header(), true, List.of("checkout")));
        events.add(new IncidentResolved(header(), "ghost", EARLIEST, EARLIEST));
        events.add(new IncidentReopened(header(), "ghost"));
        events.add(new IncidentClosed(header(), null));
        return events;
    }

    /** An incident whose sequences run up to {@code Long.MAX_VALUE}. */
    public List<SpecificRecord> atTheEndOfTime() {
        sequenceFrom(Long.MAX_VALUE - 3);
        List<SpecificRecord> events = new ArrayList<>();
        events.add(declared(Severity.CRITICAL, true));
        events.add(new StatusChanged(headerAt(LATEST), IncidentStatus.INVESTIGATING, IncidentStatus.FIXING, null));
        events.add(new UpdatePosted(headerAt(LATEST), UUID.randomUUID().toString(), Audience.CUSTOMER, "late", null,
                null, LATEST, null));
        events.add(new IncidentResolved(headerAt(LATEST), "end", LATEST, LATEST));
        return events;
    }

    public AdversarialEvents send(List<? extends SpecificRecord> events) {
        events.forEach(this::send);
        return this;
    }

    public AdversarialEvents send(SpecificRecord event) {
        return send(Topics.INCIDENT_EVENTS, IncidentEvents.header(event).getIncidentId(), event);
    }

    public AdversarialEvents send(String topic, String key, SpecificRecord event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        sent.add(event);
        return this;
    }

    @Override
    public void close() {
        producer.close();
    }

    /** True when the consumer group has committed every record of {@code topics}: each was applied or dead-lettered. */
    public static boolean caughtUp(String bootstrapServers, String groupId, String... topics) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            Set<TopicPartition> partitions = new HashSet<>();
            for (String topic : topics) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            ListOffsetsResult ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())));
            for (TopicPartition partition : partitions) {
                long end = ends.partitionResult(partition).get().offset();
                OffsetAndMetadata done = committed.get(partition);
                if (end > 0 && (done == null || done.offset() < end)) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The keys of every record on the service's dead-letter topic of {@code topic}. */
    public static List<String> deadLetterKeys(String bootstrapServers, String topic, String service) {
        String dlt = ConsumerPipelineConfiguration.deadLetterTopic(topic, service);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "dlt-check-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class, "value.deserializer", ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlt, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(dlt, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> keys = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + dlt + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
            }
            return keys;
        }
    }
}
