package io.firebreak.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.notification.NotificationServiceApplication;
import io.firebreak.notification.support.FakeSlack;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.TestClockConfig;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.support.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * The service stops in the middle of an escalation; while it is down the ack timeout passes. The next instance
 * pages the next level exactly once: no page lost, none doubled.
 */
@EmbeddedKafka(partitions = 3, topics = {Topics.INCIDENT_EVENTS, Topics.PAGING_EVENTS})
class EscalationRestartIT {

    @Test
    void aRestartMidEscalationResumesWithoutLosingOrDoublingAPage() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        String database = "restart_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        new JdbcTemplate(TestPostgres.get().getPostgresDatabase()).execute("CREATE DATABASE " + database);
        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(TestPostgres.get().getJdbcUrl("postgres", database),
                "postgres", "postgres"));

        String incidentId;
        ConfigurableApplicationContext first = start(database, broker);
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Restart during escalation", Severity.CRITICAL, true, "checkout");
            incidentId = story.incidentId;
            await().atMost(Duration.ofSeconds(30)).until(() -> pages(db, incidentId).size() == 1);
        } finally {
            first.close();
        }

        MutableClock.INSTANCE.advance(Duration.ofMinutes(6));
        ConfigurableApplicationContext second = start(database, broker);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> pages(db, incidentId).size() == 2
                    && db.queryForObject("SELECT count(*) FROM notification.page_delivery WHERE channel = 'pagerduty'"
                            + " AND state = 'SENT'", Long.class) == 2);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> pages(db, incidentId).size() == 2);
        } finally {
            second.close();
        }
        ConfigurableApplicationContext third = start(database, broker);
        try {
            MutableClock.INSTANCE.advance(Duration.ofMinutes(1));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> pages(db, incidentId).size() == 2);
        } finally {
            third.close();
        }

        List<Map<String, Object>> pages = pages(db, incidentId);
        assertThat(pages).extracting(p -> p.get("level")).containsExactly(1, 2);
        List<String> pageIds = db.queryForList("SELECT page_id FROM notification.page WHERE incident_id = ? ORDER BY level",
                String.class, incidentId);
        for (String pageId : pageIds) {
            assertThat(FakeSlack.get().pagerDutyEvents()).as("one PagerDuty trigger per page, dedup_key = page id")
                    .filteredOn(body -> body.contains("\"dedup_key\":\"" + pageId + "\"")).singleElement()
                    .satisfies(body -> assertThat(body).contains("\"routing_key\":\"R0UTINGKEY\"")
                            .contains("\"event_action\":\"trigger\""));
        }
        assertThat(db.queryForObject("SELECT count(*) FROM notification.timer WHERE incident_id = ? AND kind = 'ACK_TIMEOUT'"
                + " AND state = 'DONE'", Long.class, incidentId)).isEqualTo(1);
    }

    private static List<Map<String, Object>> pages(JdbcTemplate db, String incidentId) {
        try {
            return db.queryForList("SELECT level, responder_id FROM notification.page WHERE incident_id = ? ORDER BY level",
                    incidentId);
        } catch (org.springframework.jdbc.BadSqlGrammarException notMigratedYet) {
            return List.of();
        }
    }

    private static ConfigurableApplicationContext start(String database, EmbeddedKafkaBroker broker) {
        return new SpringApplicationBuilder(NotificationServiceApplication.class, TestClockConfig.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.main.allow-bean-definition-overriding=true",
                        "--spring.datasource.url=" + TestPostgres.get().getJdbcUrl("postgres", database),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--firebreak.notification.slack.api-url=" + FakeSlack.get().apiUrl(),
                        "--firebreak.notification.paging.pagerduty-routing-key=R0UTINGKEY",
                        "--firebreak.notification.paging.pagerduty-events-url=" + FakeSlack.get().pagerDutyUrl());
    }
}
