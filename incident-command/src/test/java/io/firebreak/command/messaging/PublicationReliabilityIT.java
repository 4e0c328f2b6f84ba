package io.firebreak.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.command.IncidentCommandApplication;
import io.firebreak.command.support.KafkaBrokerProcess;
import io.firebreak.support.testing.TestPostgres;
import io.firebreak.support.testing.TestTokens;
import io.firebreak.command.support.TopicReader;
import io.firebreak.schemas.catalog.IncidentEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Publication to Kafka under the failures that lose events in naive designs: a broker outage during writes,
 * a service restart, and concurrent writers whose commits land out of global-index order. Each test gets
 * its own database and a broker process it can stop and restart.
 */
class PublicationReliabilityIT {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PublicationReliabilityIT.class);

    static KafkaBrokerProcess broker;

    @BeforeAll
    static void startBroker() {
        broker = new KafkaBrokerProcess();
        broker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aBrokerOutageDelaysPublicationLosesNothingAndARestartDoesNotRepublish() {
        String database = freshDatabase();
        List<String> incidents = new ArrayList<>();
        ConfigurableApplicationContext app = start(database);
        try (TopicReader topic = new TopicReader(broker.bootstrapServers())) {
            WebTestClient client = client(app);
            for (int i = 0; i < 4; i++) {
                incidents.add(declare(client, "Before the outage " + i));
            }
            incidents.forEach(id -> note(client, id, "while Kafka is up"));
            await().atMost(Duration.ofSeconds(60)).until(() -> allPublished(topic, database));

            broker.stop();
            for (int i = 0; i < 4; i++) {
                incidents.add(declare(client, "During the outage " + i));
            }
            incidents.forEach(id -> note(client, id, "while Kafka is down: the command path does not need it"));
            assertThat(storedEventIds(database)).hasSize(20);
            // a real outage: long enough for the publisher's attempts to time out and its producer to be replaced
            await("nothing published while the broker is down").during(Duration.ofSeconds(20))
                    .atMost(Duration.ofSeconds(25)).until(() -> !allPublished(topic, database));

            broker.start();
            long returned = System.nanoTime();
            // the read_committed end: no abandoned transaction may hold it back, no back-off may delay the retry
            await("every stored event readable (read_committed) within 10 s of the broker's return")
                    .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> allPublished(topic, database));
            log.info("outage.caught_up millisAfterBrokerReturn={}", (System.nanoTime() - returned) / 1_000_000);
            assertExactlyOnceAndInOrder(ours(topic, database));

            app.close();
            app = start(database);
            WebTestClient restarted = client(app);
            incidents.forEach(id -> note(restarted, id, "after a restart"));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> allPublished(topic, database));
            assertThat(storedEventIds(database)).hasSize(28);
            assertExactlyOnceAndInOrder(ours(topic, database));
        } finally {
            app.close();
        }
    }

    /**
     * Twelve writers whose commits take up to 300 ms land events out of global-index order. Axon forgets a
     * hole once the event above it looks older than its gap timeout (AxonFramework #4829, #2728); run this
     * with {@code -Dfirebreak.event-store.gap-timeout-millis=100} (Axon's one-minute default scaled to these
     * commit times) and it fails with events missing from the topic for good.
     */
    @Test
    void concurrentWritersWithSlowCommitsNeverMakeThePublisherSkipAnEvent() throws Exception {
        String database = freshDatabase();
        ConfigurableApplicationContext app = start(database, SlowCommits.class);
        try (TopicReader topic = new TopicReader(broker.bootstrapServers())) {
            WebTestClient client = client(app);
            List<String> incidents = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                incidents.add(declare(client, "Concurrent " + i));
            }
            ExecutorService writers = Executors.newFixedThreadPool(12);
            List<Future<?>> done = new ArrayList<>();
            for (String id : incidents) {
                done.add(writers.submit(() -> {
                    for (int n = 0; n < 15; n++) {
                        note(client, id, "note " + n);
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
            writers.shutdown();

            assertThat(storedEventIds(database)).hasSize(12 * 16);
            await("the topic holds exactly the stored events").atMost(Duration.ofSeconds(60))
                    .until(() -> allPublished(topic, database));
            assertExactlyOnceAndInOrder(ours(topic, database));
        } finally {
            app.close();
        }
    }

    private static void assertExactlyOnceAndInOrder(List<ConsumerRecord<String, SpecificRecord>> records) {
        List<String> ids = records.stream().map(r -> TopicReader.eventId(r.value())).toList();
        assertThat(ids).as("each event id exactly once").doesNotHaveDuplicates();
        Map<String, Long> lastSequence = new HashMap<>();
        for (ConsumerRecord<String, SpecificRecord> record : records) {
            long sequence = IncidentEvents.header(record.value()).getSequence();
            Long previous = lastSequence.put(record.key(), sequence);
            assertThat(sequence).as("order within incident %s", record.key())
                    .isEqualTo(previous == null ? 0 : previous + 1);
        }
    }

    /** The topic's records of this test's incidents (other tests' databases publish to the same broker). */
    private static List<ConsumerRecord<String, SpecificRecord>> ours(TopicReader topic, String database) {
        HashSet<String> incidents = new HashSet<>(jdbc(database).queryForList(
                "SELECT DISTINCT aggregate_identifier FROM incident_command.domain_event_entry", String.class));
        return topic.poll().stream().filter(r -> incidents.contains(r.key())).toList();
    }

    private static boolean allPublished(TopicReader topic, String database) {
        HashSet<String> published = new HashSet<>();
        ours(topic, database).forEach(r -> published.add(TopicReader.eventId(r.value())));
        return published.equals(new HashSet<>(storedEventIds(database)));
    }

    private static List<String> storedEventIds(String database) {
        return jdbc(database).queryForList("SELECT event_identifier FROM incident_command.domain_event_entry",
                String.class);
    }

    private static String declare(WebTestClient client, String title) {
        return (String) client.post().uri("/api/v1/incidents").headers(h -> h.setBearerAuth("test-writer-token"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", title, "severity", "MINOR"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static void note(WebTestClient client, String id, String text) {
        client.post().uri("/api/v1/incidents/" + id + "/notes").headers(h -> h.setBearerAuth("test-writer-token"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("kind", "NOTE", "text", text))
                .exchange().expectStatus().isOk();
    }

    private static ConfigurableApplicationContext start(String database, Class<?>... extra) {
        List<Class<?>> sources = new ArrayList<>(List.of(IncidentCommandApplication.class));
        sources.addAll(List.of(extra));
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + TestPostgres.get().getJdbcUrl("postgres", database),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--firebreak.publisher.transaction-id-prefix=reliability-" + database + "-"));
        TestTokens.properties().forEach(property -> args.add("--" + property));
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .profiles("test")
                .run(args.toArray(String[]::new));
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        String port = app.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static String freshDatabase() {
        String name = "reliability_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        new JdbcTemplate(TestPostgres.get().getPostgresDatabase()).execute("CREATE DATABASE " + name);
        return name;
    }

    private static JdbcTemplate jdbc(String database) {
        return new JdbcTemplate(new DriverManagerDataSource(TestPostgres.get().getJdbcUrl("postgres", database),
                "postgres", "postgres"));
    }
}
