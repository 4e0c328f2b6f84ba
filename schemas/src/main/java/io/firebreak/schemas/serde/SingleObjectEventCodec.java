package io.firebreak.schemas.serde;

import io.firebreak.schemas.catalog.EventCatalog;
import io.firebreak.schemas.catalog.Fingerprints;
import io.firebreak.schemas.catalog.ReleasedSchemas;
import io.firebreak.schemas.catalog.SchemaVersion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding: {@code C3 01}, the writer schema's 8-byte CRC-64-AVRO fingerprint, then the
 * Avro binary body. Many event types share one topic because the fingerprint names the writer schema; the
 * reader is always the current generated class, so data written with any released schema is readable.
 */
public final class SingleObjectEventCodec implements EventCodec {

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;
    private static final int HEADER_LENGTH = 10;

    private final Map<Long, BinaryMessageDecoder<SpecificRecord>> decoders = new HashMap<>();
    private final Map<Schema, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

    /** A codec for every current schema and every version released in this jar. */
    public SingleObjectEventCodec() {
        this(EventCatalog.ALL_SCHEMAS, releasedWriterSchemas(ReleasedSchemas.bundled()));
    }

    /**
     * A codec reading into the given current schemas from any of the given writer schemas (records of the
     * same full name).
     */
    public SingleObjectEventCodec(Collection<Schema> currentSchemas, Collection<Schema> olderWriterSchemas) {
        TrustedClasses.install();
        SchemaStore.Cache store = new SchemaStore.Cache();
        olderWriterSchemas.forEach(store::addSchema);
        for (Schema reader : currentSchemas) {
            SpecificData model = SpecificData.getForSchema(reader);
            BinaryMessageDecoder<SpecificRecord> decoder = new BinaryMessageDecoder<>(model, reader, store);
            decoders.put(Fingerprints.of(reader), decoder);
            for (Schema writer : olderWriterSchemas) {
                if (writer.getFullName().equals(reader.getFullName())) {
                    decoders.put(Fingerprints.of(writer), decoder);
                }
            }
        }
    }

    private static List<Schema> releasedWriterSchemas(ReleasedSchemas released) {
        List<Schema> schemas = new ArrayList<>();
        for (SchemaVersion version : released.all()) {
            schemas.add(version.schema());
        }
        return schemas;
    }

    @Override
    public byte[] encode(SpecificRecord event) {
        if (event == null) {
            throw new IllegalArgumentException("Cannot encode a null event");
        }
        BinaryMessageEncoder<SpecificRecord> encoder = encoders.computeIfAbsent(event.getSchema(),
                schema -> new BinaryMessageEncoder<>(SpecificData.getForSchema(schema), schema));
        try {
            return encoder.encode(event).array();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode " + event.getSchema().getFullName(), e);
        }
    }

    @Override
    public SpecificRecord decode(byte[] bytes) {
        if (bytes == null) {
            throw new EventDecodingException(
                    "Record has no value (a tombstone); Firebreak event topics never carry tombstones");
        }
        if (bytes.length < HEADER_LENGTH || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new EventDecodingException("Not an Avro single-object encoded message (expected C3 01 and an"
                    + " 8-byte fingerprint, got " + bytes.length + " bytes)");
        }
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        BinaryMessageDecoder<SpecificRecord> decoder = decoders.get(fingerprint);
        if (decoder == null) {
            throw new UnknownSchemaException(Fingerprints.hex(fingerprint));
        }
        try {
            SpecificRecord event = decoder.decode(bytes);
            if (event == null) {
                throw new EventDecodingException("Decoder returned no event for fingerprint "
                        + Fingerprints.hex(fingerprint));
            }
            return event;
        } catch (IOException | RuntimeException e) {
            if (e instanceof EventDecodingException decoding) {
                throw decoding;
            }
            throw new EventDecodingException("Corrupt message for schema fingerprint "
                    + Fingerprints.hex(fingerprint) + ": " + e.getMessage(), e);
        }
    }
}
