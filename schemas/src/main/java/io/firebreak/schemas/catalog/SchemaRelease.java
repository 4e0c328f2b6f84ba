package io.firebreak.schemas.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Freezes the current schemas as a new release: writes every current schema that differs from all released
 * ones to {@code released/<n>/<full name>.avsc} and appends it to the index.
 *
 * <p>Run before publishing a schemas jar whose events changed:
 * {@code ./mvnw -pl schemas compile exec:java -Dexec.mainClass=io.firebreak.schemas.catalog.SchemaRelease
 * -Dexec.args=schemas/src/main/resources}
 */
public final class SchemaRelease {

    private SchemaRelease() {
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : "schemas/src/main/resources");
        List<String> written = release(resources, ReleasedSchemas.bundled(), EventCatalog.ALL_SCHEMAS);
        System.out.println(written.isEmpty() ? "Nothing to release: every schema is already released."
                : "Released " + written);
    }

    static List<String> release(Path resources, ReleasedSchemas released, List<Schema> current) throws IOException {
        Set<String> known = new HashSet<>();
        released.all().forEach(v -> known.add(v.fingerprint()));
        int version = released.latestVersion() + 1;
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode index = json.createObjectNode();
        ArrayNode entries = index.putArray("schemas");
        released.all().forEach(v -> entries.add(entry(json, v.name(), v.version(), v.fingerprint(), v.resource())));
        List<String> written = current.stream().filter(s -> !known.contains(Fingerprints.hex(s)))
                .map(Schema::getFullName).toList();
        for (Schema schema : current) {
            String fingerprint = Fingerprints.hex(schema);
            if (known.contains(fingerprint)) {
                continue;
            }
            String resource = "released/" + version + "/" + schema.getFullName() + ".avsc";
            Path file = resources.resolve(resource);
            Files.createDirectories(file.getParent());
            Files.writeString(file, schema.toString(true) + "\n");
            entries.add(entry(json, schema.getFullName(), version, fingerprint, resource));
        }
        if (!written.isEmpty()) {
            Files.writeString(resources.resolve(ReleasedSchemas.INDEX), json.writeValueAsString(index) + "\n");
        }
        return written;
    }

    private static ObjectNode entry(ObjectMapper json, String name, int version, String fingerprint, String resource) {
        ObjectNode node = json.createObjectNode();
        node.put("name", name);
        node.put("version", version);
        node.put("fingerprint", fingerprint);
        node.put("resource", resource);
        return node;
    }
}
