package io.firebreak.schemas.serde;

import org.apache.avro.specific.SpecificRecord;

/**
 * Turns Firebreak events into bytes and back. The Kafka serializer and deserializer delegate to one, so a
 * schema-registry-backed codec can replace the built-in {@link SingleObjectEventCodec} without touching
 * producers or consumers (set {@code firebreak.event.codec} to its class name).
 */
public interface EventCodec {

    /** Kafka client property naming the codec class (public no-argument constructor) to use. */
    String CONFIG = "firebreak.event.codec";

    /** Encodes an event; never returns null. */
    byte[] encode(SpecificRecord event);

    /**
     * Decodes bytes written by any released or current schema into the current generated class.
     *
     * @throws EventDecodingException when the bytes cannot be decoded; never returns null
     */
    SpecificRecord decode(byte[] bytes);
}
