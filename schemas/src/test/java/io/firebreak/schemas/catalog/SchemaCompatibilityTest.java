package io.firebreak.schemas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityTest {

    private final ReleasedSchemas released = ReleasedSchemas.bundled();

    @Test
    void everyCurrentSchemaReadsEveryReleasedVersionOfItself() {
        for (Schema current : EventCatalog.ALL_SCHEMAS) {
            assertThat(CompatibilityCheck.problems(current, released.of(current.getFullName())))
                    .as("%s must read data written by every released version", current.getFullName())
                    .isEmpty();
        }
    }

    @Test
    void everyReleasedRecordStillHasACurrentSchema() {
        List<String> current = EventCatalog.ALL_SCHEMAS.stream().map(Schema::getFullName).toList();
        assertThat(released.all()).extracting(SchemaVersion::name).allMatch(current::contains);
    }

    @Test
    void everyCurrentEventIsReleasedSoDownstreamDecodersKnowIt() {
        // An unreleased change would reach Kafka with a fingerprint no published jar can read.
        for (Schema current : EventCatalog.ALL_SCHEMAS) {
            assertThat(released.byFingerprint(Fingerprints.hex(current)))
                    .as("%s has unreleased changes: run SchemaRelease (see README)", current.getFullName())
                    .isPresent();
        }
    }

    @Test
    void rejectsASchemaThatCannotReadReleasedData() throws IOException {
        Schema incompatible = fixture("fixtures/IncidentDeclared-incompatible.avsc");

        List<String> problems = CompatibilityCheck.problems(incompatible,
                released.of("io.firebreak.schemas.incident.IncidentDeclared"));

        // one entry per released version of IncidentDeclared (1 and 7), each naming both breaks
        assertThat(problems).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .contains("READER_FIELD_MISSING_DEFAULT").contains("runbookUrl")
                .contains("TYPE_MISMATCH"));
    }

    @Test
    void indexFingerprintsMatchTheShippedFiles() {
        assertThat(released.all()).isNotEmpty().allSatisfy(version ->
                assertThat(Fingerprints.hex(version.schema())).isEqualTo(version.fingerprint()));
    }

    private static Schema fixture(String resource) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        }
    }
}
