package io.firebreak.command.support;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.support.testing.ServiceTestInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port with real PostgreSQL (embedded binaries) and a real Kafka broker
 * (spring-kafka-test, KRaft). Every class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ServiceTestInitializer.class)
@EmbeddedKafka(partitions = 3, topics = Topics.INCIDENT_EVENTS, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
public @interface IncidentCommandIntegrationTest {
}
