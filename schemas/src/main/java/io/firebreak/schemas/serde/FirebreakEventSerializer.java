package io.firebreak.schemas.serde;

import io.firebreak.schemas.catalog.IncidentEvents;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer for Firebreak events. Adds a {@value #EVENT_TYPE_HEADER} header so that consumers in any
 * language can filter without decoding.
 */
public class FirebreakEventSerializer implements Serializer<SpecificRecord> {

    public static final String EVENT_TYPE_HEADER = "firebreak-event-type";

    private EventCodec codec = new SingleObjectEventCodec();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        codec = EventCodecs.fromConfig(configs);
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        return codec.encode(event);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, SpecificRecord event) {
        byte[] bytes = codec.encode(event);
        headers.remove(EVENT_TYPE_HEADER);
        headers.add(EVENT_TYPE_HEADER, IncidentEvents.typeName(event).getBytes(StandardCharsets.UTF_8));
        return bytes;
    }
}
