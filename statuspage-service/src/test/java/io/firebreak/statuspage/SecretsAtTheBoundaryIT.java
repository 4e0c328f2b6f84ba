package io.firebreak.statuspage;

import io.firebreak.support.testing.StoredText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.sensitive.SecretDetector;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.support.testing.SecretSamples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The status page takes no text from requests (incident text is checked where it enters, in incident-command), so
 * its boundary is the event stream. Simulated leak: every kind of secret in {@link SecretSamples} arrives in
 * incident events (the title, each of an update's three answers, an internal update, a note) of a published
 * incident; the raw value must appear on no public page, feed or document and in no text column of the service's
 * schema. One test per kind.
 */
@StatusPageIntegrationTest
class SecretsAtTheBoundaryIT {

    static final List<String> PUBLIC_PATHS = List.of("/", "/history", "/history.atom", "/history.rss",
            "/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json", "/api/v2/incidents.json",
            "/api/v2/incidents/unresolved.json");

    @Autowired
    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @TestFactory
    Stream<DynamicTest> noLeakedSecretReachesAPublicSurfaceOrATable() {
        Map<String, IncidentStory> stories = new LinkedHashMap<>();
        SecretSamples.all().forEach((kind, sample) -> {
            IncidentStory story = new IncidentStory(broker.getBrokersAsString());
            stories.put(kind, story);
            story.declared("Checkout fails: " + sample, Severity.CRITICAL, true, "checkout")
                    .note(sample)
                    .update(Audience.CUSTOMER, sample, "Customers paying by card", "Rolling back")
                    .update(Audience.CUSTOMER, "Payments fail", sample, "Rolling back")
                    .update(Audience.CUSTOMER, "Payments fail", "Customers paying by card", sample)
                    .update(Audience.INTERNAL, sample, sample, sample)
                    .update(Audience.CUSTOMER, "Checkpoint " + kind, "Customers paying by card", "Rolling back");
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String incidents = get("/api/v2/incidents/unresolved.json");
            return stories.keySet().stream().allMatch(kind -> incidents.contains("Checkpoint " + kind));
        });

        Map<String, String> pages = new LinkedHashMap<>();
        PUBLIC_PATHS.forEach(path -> pages.put(path, get(path)));
        stories.values().forEach(story -> pages.put("/incidents/" + story.incidentId,
                get("/incidents/" + story.incidentId)));

        Stream<DynamicTest> perKind = SecretSamples.all().entrySet().stream().map(entry -> DynamicTest.dynamicTest(
                entry.getKey(), () -> {
                    String kind = entry.getKey();
                    // the page applies the shared detector: a sample it does not recognise would be a leak here
                    org.assertj.core.api.Assertions.assertThat(SecretDetector.first(entry.getValue()))
                            .as("the shared SecretDetector recognises the " + kind + " sample").isPresent();
                    String raw = SecretSamples.rawValue(kind);
                    List<String> leaks = new ArrayList<>();
                    pages.forEach((path, body) -> {
                        if (body.contains(raw)) {
                            leaks.add(path);
                        }
                    });
                    StoredText.columnsHolding(jdbc, "statuspage", raw).forEach(column -> leaks.add("column " + column));
                    assertThat(leaks).as("where the raw " + kind + " value was found").isEmpty();
                    assertThat(pages.get("/incidents/" + stories.get(kind).incidentId))
                            .as("the public title is derived, never the internal one")
                            .contains("Checkout is experiencing a major outage").doesNotContain("Checkout fails")
                            .contains("Checkpoint " + kind);
                }));
        DynamicTest cleanUp = DynamicTest.dynamicTest("the leaky incidents resolve", () -> {
            stories.values().forEach(IncidentStory::resolved);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                String unresolved = get("/api/v2/incidents/unresolved.json");
                return stories.values().stream().noneMatch(story -> unresolved.contains(story.incidentId));
            });
            stories.values().forEach(IncidentStory::close);
        });
        return Stream.concat(perKind, Stream.of(cleanUp));
    }

    private String get(String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }
}
