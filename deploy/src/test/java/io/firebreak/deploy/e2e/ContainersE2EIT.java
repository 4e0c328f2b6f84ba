package io.firebreak.deploy.e2e;

import java.util.Map;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same scenario against Kafka and PostgreSQL in containers ({@code ./mvnw verify -Pcontainers}); skipped where
 * there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersE2EIT extends SeedsScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17");

    @Override
    Map<String, String> infrastructure() {
        return Map.of("FIREBREAK_EXTERNAL_KAFKA", KAFKA.getBootstrapServers(),
                "FIREBREAK_EXTERNAL_JDBC_URL", POSTGRES.getJdbcUrl(),
                "FIREBREAK_EXTERNAL_DB_USER", POSTGRES.getUsername(),
                "FIREBREAK_EXTERNAL_DB_PASSWORD", POSTGRES.getPassword());
    }
}
