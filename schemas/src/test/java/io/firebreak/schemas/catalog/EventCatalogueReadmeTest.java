package io.firebreak.schemas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's event catalogue is hand-kept; this keeps it honest. */
class EventCatalogueReadmeTest {

    @Test
    void readmeCatalogueListsEveryEventWithItsTopic() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String catalogue = readme.substring(readme.indexOf("## Event catalogue"));

        assertThat(EventCatalog.ALL_SCHEMAS).allSatisfy(schema ->
                assertThat(catalogue).as("README event catalogue row for %s", schema.getName())
                        .containsPattern("\\| `" + schema.getName() + "` \\| `firebreak\\.[a-z-]+` \\|"));
    }
}
