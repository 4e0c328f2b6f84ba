package io.firebreak.statuspage.support;

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
 * The service on a random port with real PostgreSQL, a real (embedded KRaft) Kafka broker and the test tokens;
 * every JDBC connection is watched for the thread that takes it ({@link JdbcThreads}); subscriber e-mail goes to
 * GreenMail ({@link SubscriberStandIns}); the clock can be moved ({@link MovableClock}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {ServiceTestInitializer.class, SubscriberStandIns.Initializer.class})
@EmbeddedKafka(partitions = 3, topics = Topics.INCIDENT_EVENTS, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@AutoConfigureWebTestClient
@Import({JdbcThreads.class, MovableClock.class, RecordedSpans.class})
@ActiveProfiles("test")
public @interface StatusPageIntegrationTest {
}
