package io.firebreak.schemas.catalog;

import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/** Fingerprints as they appear on the wire in Avro single-object encoding. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** CRC-64-AVRO of the schema's parsing canonical form. */
    public static long of(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** The 8 fingerprint bytes in message order (little-endian), as hex. */
    public static String hex(long fingerprint) {
        return HexFormat.of().formatHex(toMessageBytes(fingerprint));
    }

    public static String hex(Schema schema) {
        return hex(of(schema));
    }

    static byte[] toMessageBytes(long fingerprint) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (fingerprint >>> (8 * i));
        }
        return bytes;
    }
}
