package io.firebreak.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.notification.NotificationServiceApplication;
import io.firebreak.notification.support.FakeProviders;
import io.firebreak.notification.support.FakeSlack;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.TestClockConfig;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.support.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The service stops after the first notification rule fired and before the second is due; the next instance sends
 * the second once and never the first again. The person comes from the configuration file (the seed's on-call,
 * Avery, now with contact methods and rules), paged by the default escalation of a Critical incident.
 */
@EmbeddedKafka(partitions = 3, topics = {Topics.INCIDENT_EVENTS, Topics.PAGING_EVENTS})
class ContactRestartIT {

    final FakeProviders providers = FakeProviders.get();

    @Test
    void aRuleDueWhileTheServiceWasDownIsSentOnceByTheNextInstance() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String database = "contact_" + s;
        new JdbcTemplate(TestPostgres.get().getPostgresDatabase()).execute("CREATE DATABASE " + database);
        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(TestPostgres.get().getJdbcUrl("postgres", database),
                "postgres", "postgres"));
        String now = "now-" + s;
        String later = "later-" + s;
        Path file = Files.createTempFile("oncall", ".yml");
        Files.writeString(file, """
                people:
                  - id: avery
                    name: Avery
                    contactMethods:
                      - {id: phone, kind: PUSH, address: "%s"}
                      - {id: tablet, kind: PUSH, address: "%s"}
                    notificationRules:
                      - {contactMethod: phone, afterMinutes: 0}
                      - {contactMethod: tablet, afterMinutes: 3}
                """.formatted(providers.topicUrl(now), providers.topicUrl(later)));

        ConfigurableApplicationContext first = start(database, broker, file);
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Restart between rules", Severity.CRITICAL, true, "checkout");
            await().atMost(Duration.ofSeconds(30)).until(() -> providers.ntfy(now).size() == 1);
            assertThat(providers.ntfy(later)).isEmpty();
        } finally {
            first.close();
        }

        MutableClock.INSTANCE.advance(Duration.ofMinutes(3));
        ConfigurableApplicationContext second = start(database, broker, file);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> providers.ntfy(later).size() == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> providers.ntfy(now).size() == 1 && providers.ntfy(later).size() == 1);
        } finally {
            second.close();
        }
        assertThat(db.queryForList("SELECT method_id FROM notification.contact_delivery WHERE person_id = 'avery'"
                + " AND state = 'SENT' ORDER BY due_at", String.class)).containsExactly("phone", "tablet");
        assertThat(providers.ntfy(later).get(0).headers().get("title")).contains("Restart between rules");
    }

    private static ConfigurableApplicationContext start(String database, EmbeddedKafkaBroker broker, Path file) {
        return new SpringApplicationBuilder(NotificationServiceApplication.class, TestClockConfig.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.main.allow-bean-definition-overriding=true",
                        "--spring.datasource.url=" + TestPostgres.get().getJdbcUrl("postgres", database),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--firebreak.notification.slack.api-url=" + FakeSlack.get().apiUrl(),
                        "--firebreak.notification.oncall-file=file:" + file);
    }
}
