package io.firebreak.statuspage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.schemas.incident.ComponentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.statuspage.support.CommsStory;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17 through Kafka and HTTP: the public wording is the page's own (never the internal title), the comms
 * owner's publish / hide / wording / component-status events, and the rules for a Critical declared from monitoring.
 */
@StatusPageIntegrationTest
class CommsControlsIT {

    private static final JsonMapper PLAIN_JSON = JsonMapper.builder().build();
    private static final String INTERNAL_TITLE = "cart-svc v42 (pg pool exhausted)";

    @Autowired
    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * A Critical declared from monitoring (no customer-impact flag) on a customer-facing service goes public at once
     * under its derived public title; the internal title is on no public representation at all.
     */
    @Test
    void neverShowsTheInternalTitleOnAnyPublicRepresentation() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS).plus(Duration.ofMinutes(14 * 60 + 2));
        try (CommsStory story = new CommsStory(broker.getBrokersAsString(), start)) {
            story.declared(INTERNAL_TITLE, Severity.CRITICAL, false, "checkout", "payments")
                    .customerUpdate("Some card payments fail", "Customers paying by card", "Adding database capacity",
                            "Pay with PayPal meanwhile");
            await().atMost(Duration.ofSeconds(30)).until(() -> unresolvedIds().contains(story.incidentId)
                    && updates(unresolved(story.incidentId)).size() == 2);
            String publicTitle = "Checkout is experiencing a major outage";
            assertThat(unresolved(story.incidentId)).containsEntry("name", publicTitle);
            assertThat((String) updates(unresolved(story.incidentId)).get(0).get("body"))
                    .contains("What you can do: Pay with PayPal meanwhile");

            List<String> listing = List.of("/", "/history", "/incidents/" + story.incidentId, "/history.atom",
                    "/history.rss", "/api/v2/summary.json", "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json");
            List<String> others = List.of("/api/v2/status.json", "/api/v2/components.json",
                    "/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/upcoming.json",
                    "/api/v2/scheduled-maintenances/active.json");
            for (String path : listing) {
                assertThat(get(path)).as(path).contains(publicTitle).doesNotContain("cart-svc", "pg pool", "v42");
            }
            for (String path : others) {
                assertThat(get(path)).as(path).doesNotContain("cart-svc", "pg pool", "v42");
            }
            assertThat(jdbc.queryForObject("SELECT name FROM incident WHERE incident_id = ?", String.class,
                    story.incidentId)).as("the column C's subscriber fan-out reads").isEqualTo(publicTitle);

            story.at(start.plus(Duration.ofMinutes(45))).resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> !unresolvedIds().contains(story.incidentId));
            assertThat((String) updates(recent(story.incidentId)).get(0).get("body")).isEqualTo(
                    "This incident has been resolved. Customers were affected from 14:02 to 14:47 UTC.");
            for (String path : listing) {
                assertThat(get(path)).as(path + " after resolution").doesNotContain("cart-svc", "pg pool");
            }
            String day = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
                    .format(java.time.LocalDate.ofInstant(start, java.time.ZoneOffset.UTC));
            assertThat(get("/")).as("the uptime bar: that day in red, with its text alternative")
                    .containsPattern("aria-label=\"Checkout uptime, last 90 days: \\d+\\.\\d\\d%\"")
                    .contains("<li class=\"d major_outage\" title=\"" + day + ": Major outage\">");
        }
    }

    @Test
    void appliesTheCommsOwnersPublishHideWordingAndComponentControls() {
        Instant start = Instant.now().minus(Duration.ofHours(1));
        try (CommsStory major = new CommsStory(broker.getBrokersAsString(), start);
                CommsStory drill = new CommsStory(broker.getBrokersAsString(), start)) {
            major.declared("search-indexer lagging 40m", Severity.MAJOR, true, "search")
                    .wording("Search results may be out of date", "Some search results show old prices.")
                    .wording("Token Bearer abcdefghijklmnopqrstuvwxyz leaked", null);
            await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(major.incidentId) == 2);
            assertThat(unresolvedIds()).as("a Major waits for its first customer update").doesNotContain(major.incidentId);

            major.published(null, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> unresolvedIds().contains(major.incidentId));
            Map<String, Object> incident = unresolved(major.incidentId);
            assertThat(incident).as("a title carrying a secret is withheld; the earlier one stays")
                    .containsEntry("name", "Search results may be out of date");
            assertThat(updates(incident)).singleElement().satisfies(u -> assertThat(u)
                    .containsEntry("body", "Some search results show old prices.")
                    .containsEntry("status", "investigating"));
            assertThat(get("/incidents/" + major.incidentId)).contains("Some search results show old prices.")
                    .doesNotContain("abcdefghijklmnop", "search-indexer");

            major.component("search", ComponentStatus.OPERATIONAL)
                    .component("api", ComponentStatus.DEGRADED_PERFORMANCE)
                    .component("no-such-component", ComponentStatus.MAJOR_OUTAGE)
                    .component("notifications", ComponentStatus.UNDER_MAINTENANCE);
            await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(major.incidentId) == 7);
            await().atMost(Duration.ofSeconds(30)).until(() -> "degraded_performance".equals(component("api").get("status"))
                    && "under_maintenance".equals(component("notifications").get("status")));
            // the component's own status also counts other tests' open incidents on Search: judge this incident's
            assertThat(updates(unresolved(major.incidentId)).get(0).get("affected_components")).asList()
                    .as("set by hand over the derived partial outage, and the unknown component ignored")
                    .extracting(c -> ((Map<?, ?>) c).get("code") + "=" + ((Map<?, ?>) c).get("new_status"))
                    .containsExactlyInAnyOrder("search=operational", "api=degraded_performance",
                            "notifications=under_maintenance");

            major.hidden("posted to the wrong page");
            await().atMost(Duration.ofSeconds(30)).until(() -> !unresolvedIds().contains(major.incidentId));
            for (String path : List.of("/", "/history", "/history.atom", "/history.rss", "/api/v2/summary.json",
                    "/api/v2/incidents.json", "/api/v2/components.json")) {
                assertThat(get(path)).as(path).doesNotContain("Search results may be out of date", major.incidentId,
                        "wrong page");
            }
            client.get().uri("/incidents/" + major.incidentId).exchange().expectStatus().isNotFound();
            assertThat(component("api")).as("a hidden incident sets no component").containsEntry("status", "operational");

            major.customerUpdate("Search shows old prices", "Shoppers", "Reindexing", null);
            await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(major.incidentId) == 9);
            assertThat(jdbc.queryForObject("SELECT published FROM incident WHERE incident_id = ?", Boolean.class,
                    major.incidentId)).as("hidden stays off until published by hand").isFalse();

            major.published("Search is slow", null);
            await().atMost(Duration.ofSeconds(30)).until(() -> unresolvedIds().contains(major.incidentId));
            assertThat(unresolved(major.incidentId)).containsEntry("name", "Search is slow");
            assertThat(updates(unresolved(major.incidentId))).hasSize(2);

            drill.declared("Game day: checkout down", Severity.CRITICAL, true, IncidentType.ENGINEERING, true,
                    "checkout").published("Checkout is down", "Drill");
            await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(drill.incidentId) == 1);
            assertThat(jdbc.queryForObject("SELECT published FROM incident WHERE incident_id = ?", Boolean.class,
                    drill.incidentId)).as("a drill is never published, not even by hand").isFalse();

            major.resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> !unresolvedIds().contains(major.incidentId));
            assertThat(component("api")).containsEntry("status", "operational");
            assertThat(component("notifications")).containsEntry("status", "operational");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM component_override WHERE incident_id = ?",
                    Integer.class, major.incidentId)).as("set by hand until resolved").isZero();
        }
    }

    /**
     * Release-8 events at their bounds apply or are ignored, never dead-lettered: for an incident never declared,
     * an unknown component id of 10,000 characters, a 100,000-character title with a NUL, emoji and right-to-left text,
     * an empty title (keeps the current one).
     */
    @Test
    void appliesOrIgnoresCommsEventsAtTheirBoundsWithoutDeadLetters() {
        String kafka = broker.getBrokersAsString();
        String huge = "Checkout \u0000 ✅ שלום " + "x".repeat(100_000);
        try (CommsStory ghost = new CommsStory(kafka, Instant.now().minusSeconds(600));
                CommsStory odd = new CommsStory(kafka, Instant.now().minusSeconds(600))) {
            ghost.published("Ghost", "never declared").wording("Ghost", null).component("api",
                    ComponentStatus.MAJOR_OUTAGE).hidden(null);
            odd.declared("odd-svc", Severity.MINOR, true, "search").component("c".repeat(10_000),
                    ComponentStatus.MAJOR_OUTAGE).wording(huge, "").hidden(null).published(null, huge)
                    .wording("", null).component("search", ComponentStatus.UNDER_MAINTENANCE).resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(odd.incidentId) == 7);
            assertThat(io.firebreak.support.testing.AdversarialEvents.deadLetterKeys(kafka,
                    io.firebreak.schemas.catalog.Topics.INCIDENT_EVENTS, "statuspage"))
                    .doesNotContain(ghost.incidentId, odd.incidentId);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM incident WHERE incident_id = ?", Integer.class,
                    ghost.incidentId)).as("never declared: nothing to show").isZero();
            Map<String, Object> row = jdbc.queryForMap("SELECT name, public_message, published, status FROM incident"
                    + " WHERE incident_id = ?", odd.incidentId);
            assertThat((String) row.get("name")).as("the NUL replaced on the way in (service-support's deserializer)")
                    .startsWith("Checkout ").contains("✅ שלום").doesNotContain("\u0000").hasSizeGreaterThan(100_000);
            assertThat(row).containsEntry("published", true).containsEntry("status", "RESOLVED");
        }
    }

    private long lastSequence(String incidentId) {
        List<Long> sequence = jdbc.queryForList("SELECT last_sequence FROM incident WHERE incident_id = ?", Long.class,
                incidentId);
        return sequence.isEmpty() ? -1 : sequence.get(0);
    }

    private String get(String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> document(String path) {
        return PLAIN_JSON.readValue(get(path), Map.class);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> incidents(String path) {
        return (List<Map<String, Object>>) document(path).get("incidents");
    }

    private List<String> unresolvedIds() {
        return incidents("/api/v2/incidents/unresolved.json").stream().map(i -> (String) i.get("id")).toList();
    }

    private Map<String, Object> unresolved(String id) {
        return incidents("/api/v2/incidents/unresolved.json").stream().filter(i -> id.equals(i.get("id"))).findFirst()
                .orElseThrow();
    }

    private Map<String, Object> recent(String id) {
        return incidents("/api/v2/incidents.json").stream().filter(i -> id.equals(i.get("id"))).findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> updates(Map<String, Object> incident) {
        return (List<Map<String, Object>>) incident.get("incident_updates");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> component(String id) {
        return ((List<Map<String, Object>>) document("/api/v2/components.json").get("components")).stream()
                .filter(c -> id.equals(c.get("id"))).findFirst().orElseThrow();
    }
}
