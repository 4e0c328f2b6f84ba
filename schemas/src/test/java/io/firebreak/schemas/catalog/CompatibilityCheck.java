package io.firebreak.schemas.catalog;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** The rule every schema change must pass: the new reader can read everything any released writer wrote. */
final class CompatibilityCheck {

    private CompatibilityCheck() {
    }

    static List<String> problems(Schema reader, List<SchemaVersion> releasedWriters) {
        return releasedWriters.stream()
                .map(writer -> describe(writer, SchemaCompatibility.checkReaderWriterCompatibility(reader,
                        writer.schema())))
                .filter(problem -> !problem.isEmpty())
                .toList();
    }

    private static String describe(SchemaVersion writer, SchemaPairCompatibility result) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return "";
        }
        return writer.name() + " v" + writer.version() + " (" + writer.fingerprint() + "): "
                + result.getResult().getIncompatibilities();
    }
}
