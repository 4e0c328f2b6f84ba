package io.firebreak.notification.support;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.support.testing.ServiceTestInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The service with real PostgreSQL, a real broker, the Slack stand-in, a clock tests can move and the shared test
 * tokens ({@code TestTokens}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {ServiceTestInitializer.class, NotificationInitializer.class})
@Import(TestClockConfig.class)
@EmbeddedKafka(partitions = 3, topics = {Topics.INCIDENT_EVENTS, Topics.PAGING_EVENTS, Topics.DEBRIEF_EVENTS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@AutoConfigureWebTestClient
@ActiveProfiles("test")
public @interface NotificationIntegrationTest {
}
