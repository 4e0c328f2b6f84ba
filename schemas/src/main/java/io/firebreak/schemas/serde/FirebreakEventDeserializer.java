package io.firebreak.schemas.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for Firebreak events. Returns the current generated class of the event whatever
 * released schema wrote it; throws {@link SerializationException} (caused by an
 * {@link EventDecodingException}) for bytes it cannot read, and never returns null.
 */
public class FirebreakEventDeserializer implements Deserializer<SpecificRecord> {

    private EventCodec codec = new SingleObjectEventCodec();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        codec = EventCodecs.fromConfig(configs);
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        try {
            return codec.decode(data);
        } catch (EventDecodingException e) {
            throw new SerializationException("Cannot decode a record of " + topic + ": " + e.getMessage(), e);
        }
    }
}
