package io.firebreak.schemas.catalog;

import org.apache.avro.Schema;

/**
 * One released version of one record schema, as listed in {@code released/index.json}.
 *
 * @param name        the record's full name, e.g. {@code io.firebreak.schemas.incident.IncidentDeclared}
 * @param version     the release it belongs to (1, 2, ...)
 * @param fingerprint the schema's CRC-64-AVRO fingerprint as 16 hex digits, in the byte order it has in a
 *                    single-object-encoded message (bytes 2 to 9, little-endian)
 * @param resource    classpath resource holding the self-contained schema
 * @param schema      the parsed schema
 */
public record SchemaVersion(String name, int version, String fingerprint, String resource, Schema schema) {
}
