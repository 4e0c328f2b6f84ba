package io.firebreak.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackLayoutTest {

    @Test
    void usesTheDocumentedDefaultPorts() {
        StackLayout layout = StackLayout.from(Path.of("/repo"), Map.of());

        assertThat(layout.postgresPort()).isEqualTo(5433);
        assertThat(layout.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(layout.services()).extracting(StackLayout.Service::port).containsExactly(8080, 8081, 8082, 8083);
        assertThat(layout.home()).isEqualTo(Path.of("/repo/.firebreak"));
    }

    @Test
    void letsEveryPortBeOverridden() {
        StackLayout layout = StackLayout.from(Path.of("/repo"), Map.of("FIREBREAK_POSTGRES_PORT", "6543",
                "FIREBREAK_KAFKA_PORT", "19092", "FIREBREAK_STATUSPAGE_PORT", "9082"));

        assertThat(layout.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:6543/postgres");
        assertThat(layout.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(layout.portOf("statuspage-service")).isEqualTo(9082);
    }
}
