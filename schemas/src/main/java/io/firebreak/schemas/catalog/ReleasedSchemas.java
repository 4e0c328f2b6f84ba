package io.firebreak.schemas.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Every released schema version, read from {@code released/index.json} inside the schemas jar.
 *
 * <p>A released schema is frozen: data written with it may sit on a topic forever, so every later schema
 * of the same record must be able to read it (checked by the compatibility tests).
 */
public final class ReleasedSchemas {

    public static final String INDEX = "released/index.json";

    private static final ReleasedSchemas BUNDLED = load(ReleasedSchemas.class.getClassLoader());

    private final List<SchemaVersion> versions;

    private ReleasedSchemas(List<SchemaVersion> versions) {
        this.versions = List.copyOf(versions);
    }

    /** The versions released with this jar. */
    public static ReleasedSchemas bundled() {
        return BUNDLED;
    }

    public static ReleasedSchemas load(ClassLoader loader) {
        JsonNode index = readJson(loader, INDEX);
        List<SchemaVersion> versions = new ArrayList<>();
        for (JsonNode entry : index.path("schemas")) {
            String resource = entry.path("resource").asText();
            Schema schema = parse(loader, resource);
            String name = entry.path("name").asText();
            String fingerprint = entry.path("fingerprint").asText();
            if (!schema.getFullName().equals(name)) {
                throw new IllegalStateException(resource + " holds " + schema.getFullName() + ", index says " + name);
            }
            if (!Fingerprints.hex(schema).equals(fingerprint)) {
                throw new IllegalStateException(resource + " has fingerprint " + Fingerprints.hex(schema)
                        + ", index says " + fingerprint + ": a released schema was edited");
            }
            versions.add(new SchemaVersion(name, entry.path("version").asInt(), fingerprint, resource, schema));
        }
        return new ReleasedSchemas(versions);
    }

    public List<SchemaVersion> all() {
        return versions;
    }

    public List<SchemaVersion> of(String recordFullName) {
        return versions.stream().filter(v -> v.name().equals(recordFullName)).toList();
    }

    public Optional<SchemaVersion> byFingerprint(String fingerprintHex) {
        return versions.stream().filter(v -> v.fingerprint().equals(fingerprintHex)).findFirst();
    }

    public int latestVersion() {
        return versions.stream().mapToInt(SchemaVersion::version).max().orElse(0);
    }

    private static JsonNode readJson(ClassLoader loader, String resource) {
        try (InputStream in = open(loader, resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static Schema parse(ClassLoader loader, String resource) {
        try (InputStream in = open(loader, resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static InputStream open(ClassLoader loader, String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("Missing classpath resource " + resource);
        }
        return in;
    }
}
