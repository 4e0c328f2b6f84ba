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

    @Test
    void runsOneInstanceOfEveryServiceByDefault() {
        StackLayout layout = StackLayout.from(Path.of("/repo"), Map.of());

        assertThat(layout.instances()).isEqualTo(1);
        assertThat(layout.services()).extracting(StackLayout.Service::name).containsExactly("incident-command",
                "notification-service", "statuspage-service", "debrief-service");
    }

    @Test
    void putsEveryFurtherInstanceTenPortsHigher() {
        StackLayout layout = StackLayout.from(Path.of("/repo"), Map.of("FIREBREAK_INSTANCES", "2",
                "FIREBREAK_COMMAND_PORT", "9080"));

        assertThat(layout.instances()).isEqualTo(2);
        assertThat(layout.services()).extracting(StackLayout.Service::name).containsExactly("incident-command",
                "notification-service", "statuspage-service", "debrief-service", "incident-command-2",
                "notification-service-2", "statuspage-service-2", "debrief-service-2");
        assertThat(layout.portOf("incident-command", 2)).isEqualTo(9090);
        assertThat(layout.portOf("debrief-service", 2)).isEqualTo(8093);
        assertThat(layout.portOf("incident-command")).isEqualTo(9080);
    }

    @Test
    void pointsTheConsoleAtTheAssignedPortsAndLetsItsOriginsCallEveryService() {
        StackLayout layout = StackLayout.from(Path.of("/repo"), Map.of("FIREBREAK_INSTANCES", "2",
                "FIREBREAK_COMMAND_PORT", "18080", "FIREBREAK_NOTIFICATION_PORT", "18081",
                "FIREBREAK_STATUSPAGE_PORT", "18082", "FIREBREAK_DEBRIEF_PORT", "18083"));

        assertThat(layout.consoleUrl()).isEqualTo("http://127.0.0.1:18080/console/");
        assertThat(layout.consoleEnv()).containsEntry("FIREBREAK_CORS_ORIGINS",
                        "http://localhost:18080,http://127.0.0.1:18080,http://localhost:18090,http://127.0.0.1:18090")
                .containsEntry("FIREBREAK_CONSOLE_NOTIFICATION_URL", "http://127.0.0.1:18081")
                .containsEntry("FIREBREAK_CONSOLE_STATUSPAGE_URL", "http://127.0.0.1:18082")
                .containsEntry("FIREBREAK_CONSOLE_DEBRIEF_URL", "http://127.0.0.1:18083");
    }

    @Test
    void refusesAnInstanceCountOutsideOneToNine() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> StackLayout.from(Path.of("/repo"), Map.of("FIREBREAK_INSTANCES", "0")))
                .withMessageContaining("FIREBREAK_INSTANCES");
    }
}
