package io.firebreak.debrief.support;

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
 * The service on a random port with real PostgreSQL and a real (embedded KRaft) Kafka broker, and the shared
 * {@code TestTokens}; call the API through {@link Api}, which sends a token.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ServiceTestInitializer.class)
@EmbeddedKafka(partitions = 3, topics = {Topics.INCIDENT_EVENTS, Topics.DEBRIEF_EVENTS, Topics.PAGING_EVENTS}, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@AutoConfigureWebTestClient
@ActiveProfiles("test")
public @interface DebriefIntegrationTest {
}
