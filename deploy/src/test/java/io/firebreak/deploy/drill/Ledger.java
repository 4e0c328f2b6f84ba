package io.firebreak.deploy.drill;

import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.serde.FirebreakEventDeserializer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Compares, by event id, the event store ({@code incident_command.domain_event_entry}), the incident topic and each
 * projection's {@code processed_event}; counts what sits in dead-letter topics.
 */
public final class Ledger {

    static final String TOPIC = "firebreak.incident-events";

    /** The projections and the event types each records (the status page keeps nothing of notes, roles, alerts). */
    static final Map<String, Set<String>> IGNORED_TYPES = Map.of(
            "notification", Set.of("AlertAttached"),
            "statuspage", Set.of("TimelineNoteAdded", "RoleAssigned", "AlertAttached"),
            "debrief", Set.of());

    /** One stored event. */
    public record Stored(String eventId, String incidentId, long sequence, String type) {
    }

    /** What one comparison found. */
    public record Findings(int events, int lostOnTopic, int duplicatedOnTopic, int gapsOnTopic, int gapsInStore,
            Map<String, Integer> lostInProjection, int acceptedNotStored) {

        public int lost() {
            return lostOnTopic + lostInProjection.values().stream().mapToInt(Integer::intValue).sum() + acceptedNotStored;
        }

        public int gaps() {
            return gapsOnTopic + gapsInStore;
        }
    }

    private final String jdbcUrl;
    private final String bootstrap;

    public Ledger(String jdbcUrl, String bootstrap) {
        this.jdbcUrl = jdbcUrl;
        this.bootstrap = bootstrap;
    }

    /** The event store now. */
    public List<Stored> store() throws SQLException {
        List<Stored> stored = new ArrayList<>();
        try (Connection db = connect(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT event_identifier, aggregate_identifier, sequence_number,"
                        + " payload_type FROM incident_command.domain_event_entry ORDER BY global_index")) {
            while (rows.next()) {
                String type = rows.getString(4);
                stored.add(new Stored(rows.getString(1), rows.getString(2), rows.getLong(3),
                        type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1)));
            }
        }
        return stored;
    }

    /** Per projection, the stored events (of the types it records) that it has not processed. */
    public Map<String, Integer> missingInProjections(List<Stored> stored) throws SQLException {
        Map<String, Integer> missing = new HashMap<>();
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            for (Map.Entry<String, Set<String>> projection : IGNORED_TYPES.entrySet()) {
                Set<String> processed = new HashSet<>();
                try (ResultSet rows = statement.executeQuery("SELECT event_id FROM " + projection.getKey()
                        + ".processed_event")) {
                    while (rows.next()) {
                        processed.add(rows.getString(1));
                    }
                }
                missing.put(projection.getKey(), (int) stored.stream()
                        .filter(s -> !projection.getValue().contains(s.type()) && !processed.contains(s.eventId())).count());
            }
        }
        return missing;
    }

    /** Whether every projection has processed every one of these stored events. */
    public boolean caughtUp(List<Stored> stored) throws SQLException {
        return missingInProjections(stored).values().stream().allMatch(n -> n == 0);
    }

    /** The full comparison of the given store snapshot with the topic and the projections. */
    public Findings compare(List<Stored> stored, Set<SteadyLoad.Accepted> accepted) throws Exception {
        Map<String, Integer> onTopic = new HashMap<>();
        Map<String, List<Long>> topicSequences = new HashMap<>();
        for (EventHeader header : topic()) {
            onTopic.merge(header.getEventId(), 1, Integer::sum);
            topicSequences.computeIfAbsent(header.getIncidentId(), k -> new ArrayList<>()).add(header.getSequence());
        }
        Set<String> storedIds = stored.stream().map(Stored::eventId).collect(Collectors.toSet());
        int lostOnTopic = (int) storedIds.stream().filter(id -> !onTopic.containsKey(id)).count();
        int duplicated = onTopic.entrySet().stream().filter(e -> storedIds.contains(e.getKey()))
                .mapToInt(e -> e.getValue() - 1).sum();
        // on the topic, each incident's events must come in sequence order: a first sighting of n after m != n-1 is a gap
        int gapsOnTopic = 0;
        for (List<Long> sequences : topicSequences.values()) {
            long highest = -1;
            for (long sequence : sequences) {
                if (sequence > highest) {
                    if (sequence != highest + 1) {
                        gapsOnTopic++;
                    }
                    highest = sequence;
                }
            }
        }
        Map<String, List<Long>> storeSequences = new HashMap<>();
        stored.forEach(s -> storeSequences.computeIfAbsent(s.incidentId(), k -> new ArrayList<>()).add(s.sequence()));
        int gapsInStore = 0;
        for (List<Long> sequences : storeSequences.values()) {
            List<Long> sorted = sequences.stream().sorted().toList();
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i) != i) {
                    gapsInStore++;
                    break;
                }
            }
        }
        Set<String> storedVersions = stored.stream().map(s -> s.incidentId() + "#" + s.sequence())
                .collect(Collectors.toSet());
        int acceptedNotStored = (int) accepted.stream()
                .filter(a -> !storedVersions.contains(a.incidentId() + "#" + a.version())).count();
        return new Findings(stored.size(), lostOnTopic, duplicated, gapsOnTopic, gapsInStore,
                missingInProjections(stored), acceptedNotStored);
    }

    /** Every committed record on the incident topic, in partition order. */
    public List<EventHeader> topic() {
        List<EventHeader> headers = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "drill-ledger-" + UUID.randomUUID(), "enable.auto.commit", "false",
                "isolation.level", "read_committed", "key.deserializer", StringDeserializer.class,
                "value.deserializer", FirebreakEventDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + TOPIC + " to its end within 60 s");
                }
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(500))) {
                    headers.add(IncidentEvents.header(record.value()));
                }
            }
        }
        return headers;
    }

    /** Records in every dead-letter topic ({@code <topic>.<service>.DLT}), by topic. */
    public Map<String, Long> deadLetters() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> topics = admin.listTopics().names().get().stream().filter(t -> t.endsWith(".DLT"))
                    .collect(Collectors.toSet());
            if (topics.isEmpty()) {
                return counts;
            }
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> {
                        earliest.put(new TopicPartition(name, p.partition()), OffsetSpec.earliest());
                        latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
                    }));
            var first = admin.listOffsets(earliest).all().get();
            var last = admin.listOffsets(latest).all().get();
            last.forEach((partition, info) -> counts.merge(partition.topic(),
                    info.offset() - first.get(partition).offset(), Long::sum));
        }
        return counts;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }
}
