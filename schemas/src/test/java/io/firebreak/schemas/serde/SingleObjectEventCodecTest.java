package io.firebreak.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.schemas.SampleEvents;
import io.firebreak.schemas.catalog.EventCatalog;
import io.firebreak.schemas.catalog.Fingerprints;
import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.catalog.ReleasedSchemas;
import io.firebreak.schemas.catalog.SchemaVersion;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.paging.PageTargetKind;
import io.firebreak.schemas.paging.PageTriggered;
import io.firebreak.schemas.paging.Responder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class SingleObjectEventCodecTest {

    private final SingleObjectEventCodec codec = new SingleObjectEventCodec();

    @Test
    void roundTripsEveryEventType() {
        List<SpecificRecord> events = SampleEvents.oneOfEach("7d1f0c1e-0000-4000-8000-000000000001");
        assertThat(events.stream().map(e -> (Object) e.getClass()).toList())
                .containsExactlyInAnyOrderElementsOf(IncidentEvents.TYPES);

        for (SpecificRecord event : events) {
            byte[] bytes = codec.encode(event);
            assertThat(bytes[0]).isEqualTo((byte) 0xC3);
            assertThat(bytes[1]).isEqualTo((byte) 0x01);
            assertThat(codec.decode(bytes)).isEqualTo(event);
        }
    }

    @Test
    void writesTheFingerprintListedInTheReleasedIndex() {
        SpecificRecord declared = SampleEvents.oneOfEach("i-1").get(0);
        byte[] bytes = codec.encode(declared);

        String onTheWire = java.util.HexFormat.of().formatHex(Arrays.copyOfRange(bytes, 2, 10));

        assertThat(onTheWire).isEqualTo(Fingerprints.hex(IncidentDeclared.SCHEMA$));
    }

    @Test
    void readsAPayloadWrittenWithAnOlderSchema() throws IOException {
        Schema v0 = fixture("fixtures/IncidentDeclared-v0.avsc");
        GenericRecord old = new GenericData.Record(v0);
        GenericRecord header = new GenericData.Record(v0.getField("header").schema());
        GenericRecord actor = new GenericData.Record(header.getSchema().getField("actor").schema());
        actor.put("id", "alertmanager");
        actor.put("displayName", "Alertmanager");
        actor.put("kind", new GenericData.EnumSymbol(actor.getSchema().getField("kind").schema(), "INTEGRATION"));
        header.put("eventId", "e-1");
        header.put("incidentId", "i-1");
        header.put("sequence", 0L);
        header.put("occurredAt", SampleEvents.T0.toEpochMilli());
        header.put("actor", actor);
        old.put("header", header);
        old.put("reference", "INC-7");
        old.put("title", "Old event");
        old.put("summary", "");
        old.put("severity", new GenericData.EnumSymbol(v0.getField("severity").schema(), "MAJOR"));
        old.put("status", new GenericData.EnumSymbol(v0.getField("status").schema(), "INVESTIGATING"));
        old.put("customerImpact", false);
        old.put("affectedServices", List.of("search"));
        old.put("source", new GenericData.EnumSymbol(v0.getField("source").schema(), "CLI"));
        old.put("reportedSeverity", "SEV2");
        old.put("channelName", "inc-2026-11-25-old-event");
        byte[] oldBytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v0).encode(old).array();

        SingleObjectEventCodec upgraded = new SingleObjectEventCodec(EventCatalog.ALL_SCHEMAS, List.of(v0));
        SpecificRecord decoded = upgraded.decode(oldBytes);

        assertThat(decoded).isInstanceOfSatisfying(IncidentDeclared.class, e -> {
            assertThat(e.getReference()).isEqualTo("INC-7");
            assertThat(e.getSeverity()).isEqualTo(Severity.MAJOR);
            assertThat(e.getSource()).isEqualTo(IncidentSource.CLI);
            assertThat(e.getSourceKey()).isNull();
            assertThat(e.getDetectedAt()).isNull();
            assertThat(e.getHeader().getOccurredAt()).isEqualTo(SampleEvents.T0);
        });
        assertThatThrownBy(() -> codec.decode(oldBytes))
                .as("a codec that was not told about v0 says so")
                .isInstanceOf(UnknownSchemaException.class);
    }

    @Test
    void readsAVersion3PageTriggeredWithoutAHeader() throws IOException {
        Schema v3 = released("io.firebreak.schemas.paging.PageTriggered", 3);
        assertThat(v3.getField("header")).as("version 3 had no header").isNull();
        GenericRecord old = new GenericData.Record(v3);
        GenericRecord responder = new GenericData.Record(v3.getField("responder").schema());
        responder.put("id", "blake");
        responder.put("name", "Blake");
        responder.put("rotation", "platform");
        old.put("eventId", "e-3");
        old.put("incidentId", "i-1");
        old.put("pageId", "p-1");
        old.put("level", 1);
        old.put("responder", responder);
        old.put("channels", List.of("recorded", "pagerduty"));
        old.put("occurredAt", SampleEvents.T0.toEpochMilli());
        byte[] oldBytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v3).encode(old).array();

        assertThat(codec.decode(oldBytes)).isInstanceOfSatisfying(PageTriggered.class, e -> {
            assertThat(e.getEventId()).isEqualTo("e-3");
            assertThat(e.getIncidentId()).isEqualTo("i-1");
            assertThat(e.getResponder().getRotation()).isEqualTo("platform");
            assertThat(e.getChannels()).containsExactly("recorded", "pagerduty");
            assertThat(e.getOccurredAt()).isEqualTo(SampleEvents.T0);
            assertThat(e.getHeader()).as("absent before version 4").isNull();
        });
    }

    @Test
    void readsAVersion4PageTriggeredWithItsHeaderAndNoTarget() throws IOException {
        Schema v4 = released("io.firebreak.schemas.paging.PageTriggered", 4);
        assertThat(v4.getField("targetKind")).as("version 4 had no target").isNull();
        GenericRecord old = new GenericData.Record(v4);
        GenericRecord responder = new GenericData.Record(v4.getField("responder").schema());
        responder.put("id", "casey");
        responder.put("name", "Casey");
        responder.put("rotation", null);
        Schema headerSchema = v4.getField("header").schema().getTypes().get(1);
        GenericRecord header = new GenericData.Record(headerSchema);
        header.put("eventId", "e-4");
        header.put("incidentId", "i-1");
        header.put("sequence", 2L);
        header.put("occurredAt", SampleEvents.T0.toEpochMilli());
        GenericRecord actor = new GenericData.Record(headerSchema.getField("actor").schema());
        actor.put("id", "notification-service");
        actor.put("displayName", "Firebreak escalation");
        actor.put("kind", new GenericData.EnumSymbol(actor.getSchema().getField("kind").schema(), "SYSTEM"));
        header.put("actor", actor);
        old.put("eventId", "e-4");
        old.put("incidentId", "i-1");
        old.put("pageId", "p-2");
        old.put("level", 2);
        old.put("responder", responder);
        old.put("channels", List.of("recorded"));
        old.put("occurredAt", SampleEvents.T0.toEpochMilli());
        old.put("header", header);
        byte[] oldBytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v4).encode(old).array();

        assertThat(codec.decode(oldBytes)).isInstanceOfSatisfying(PageTriggered.class, e -> {
            assertThat(e.getHeader().getSequence()).isEqualTo(2L);
            assertThat(e.getHeader().getActor().getKind()).isEqualTo(ActorKind.SYSTEM);
            assertThat(e.getTargetKind()).as("not recorded before version 5").isEqualTo(PageTargetKind.UNKNOWN);
            assertThat(e.getTargetId()).isNull();
            assertThat(e.getPolicyId()).isNull();
            assertThat(e.getStep()).isNull();
            assertThat(e.getRound()).isNull();
            assertThat(e.getMessage()).isNull();
        });
    }

    @Test
    void writesAPageTriggeredWithItsTargetAsVersion5() {
        EventHeader header = new EventHeader("e-5", "i-1", 3L, SampleEvents.T0,
                new Actor("u-tess", "Tess", ActorKind.HUMAN));
        PageTriggered event = new PageTriggered("e-5", "i-1", "p-3", 0, new Responder("casey", "Casey", "payments"),
                List.of("recorded"), SampleEvents.T0, header, PageTargetKind.TEAM, "payments", null, null, 1,
                "Card payments fail after deploy 42");
        byte[] bytes = codec.encode(event);

        String onTheWire = java.util.HexFormat.of().formatHex(Arrays.copyOfRange(bytes, 2, 10));
        assertThat(ReleasedSchemas.bundled().byFingerprint(onTheWire)).get().extracting(SchemaVersion::version)
                .as("written with the version 5 schema").isEqualTo(5);
        assertThat(codec.decode(bytes)).isEqualTo(event);
        assertThat(IncidentEvents.header(event)).isEqualTo(header);
    }

    @Test
    void namesTheUnknownFingerprint() {
        byte[] bytes = codec.encode(SampleEvents.oneOfEach("i-1").get(0));
        bytes[2] ^= (byte) 0xFF;
        String expected = java.util.HexFormat.of().formatHex(Arrays.copyOfRange(bytes, 2, 10));

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void rejectsBytesThatAreNotSingleObjectEncoded() {
        assertThatThrownBy(() -> codec.decode("{\"json\":true}".getBytes()))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("single-object");
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> codec.decode(null)).isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("tombstone");
    }

    @Test
    void rejectsATruncatedBodyInsteadOfReturningNull() {
        byte[] bytes = codec.encode(SampleEvents.oneOfEach("i-1").get(0));
        byte[] truncated = Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> codec.decode(truncated))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(Fingerprints.hex(IncidentDeclared.SCHEMA$));
    }

    private static Schema released(String name, int version) {
        return ReleasedSchemas.bundled().of(name).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow().schema();
    }

    private static Schema fixture(String resource) throws IOException {
        try (InputStream in = SingleObjectEventCodecTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        }
    }
}
