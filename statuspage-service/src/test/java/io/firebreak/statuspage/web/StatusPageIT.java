package io.firebreak.statuspage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.statuspage.support.RecordedSpans;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import io.opentelemetry.api.trace.SpanKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.w3c.dom.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event sequences in, Statuspage v2 documents and HTML out: the publication rules, component derivation and
 * resolution, and that nothing internal ever appears.
 */
@StatusPageIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StatusPageIT {

    private static final JsonMapper PLAIN_JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void publishesByTheRulesDerivesComponentsAndNeverLeaksInternals(CapturedOutput output) throws Exception {
        try (IncidentStory critical = new IncidentStory(broker.getBrokersAsString());
                IncidentStory major = new IncidentStory(broker.getBrokersAsString());
                IncidentStory minor = new IncidentStory(broker.getBrokersAsString());
                IncidentStory internalOnly = new IncidentStory(broker.getBrokersAsString())) {

            minor.declared("Minor search blip", Severity.MINOR, true, "search")
                    .update(Audience.CUSTOMER, "Search is slow", "Some shoppers", "Tuning");
            // no affected service maps to a public component and no customer impact: not customer-facing
            internalOnly.declared("Critical but internal", Severity.CRITICAL, false, "ledger");
            critical.declared("Checkout is failing", Severity.CRITICAL, true, "checkout")
                    .lead("Ana").note("Roll back release 2026.11.24-3")
                    .update(Audience.INTERNAL, "DB primary failed over; secret plan", null, null);

            await().atMost(Duration.ofSeconds(30)).until(() -> unresolvedIds().contains(critical.incidentId));
            Map<String, Object> incident = unresolved(critical.incidentId);
            assertThat(incident).containsEntry("name", "Checkout is experiencing a major outage")
                    .containsEntry("impact", "critical")
                    .containsEntry("status", "investigating")
                    .containsEntry("shortlink", "http://status.acme.test/incidents/" + critical.incidentId);
            assertThat(updates(incident)).singleElement().satisfies(u -> {
                assertThat(u).containsEntry("status", "investigating");
                assertThat((String) u.get("body")).contains("We are investigating an issue affecting Checkout");
            });
            assertThat(component("checkout")).containsEntry("status", "major_outage")
                    .containsEntry("group_id", "group-storefront");
            assertThat(status()).containsEntry("indicator", "critical").containsEntry("description", "Major System Outage");

            critical.update(Audience.CUSTOMER, "Card payments fail at checkout", "Customers paying by card",
                    "Rolling back the last release").status(IncidentStatus.INVESTIGATING, IncidentStatus.FIXING);
            await().atMost(Duration.ofSeconds(30)).until(() -> "identified".equals(unresolved(critical.incidentId).get("status")));
            List<Map<String, Object>> updates = updates(unresolved(critical.incidentId));
            assertThat(updates).hasSize(2);
            assertThat((String) updates.get(0).get("body")).startsWith("Card payments fail at checkout")
                    .contains("Who is affected: Customers paying by card").contains("Next update by");
            assertThat(updates.get(0).get("affected_components")).asList().singleElement()
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("code", "checkout").containsEntry("new_status", "major_outage");

            major.declared("Search results stale", Severity.MAJOR, true, "search");
            major.impact(true, "search", "catalog");
            String html = home();
            assertThat(unresolvedIds()).doesNotContain(major.incidentId);
            major.update(Audience.CUSTOMER, "Search shows old prices", "Shoppers searching", "Reindexing");
            await().atMost(Duration.ofSeconds(30)).until(() -> unresolvedIds().contains(major.incidentId));
            assertThat(component("search")).containsEntry("status", "partial_outage");

            String summary = get("/api/v2/summary.json");
            html = home();
            for (String page : List.of(summary, html, get("/api/v2/incidents.json"), get("/history.atom"))) {
                assertThat(page).doesNotContain("Minor search blip", "Critical but internal", "Ana", "Roll back release",
                        "secret plan", "internal summary", "u-ana", "Checkout is failing", "Search results stale");
            }
            assertThat(html).contains("Checkout is experiencing a major outage").contains("Card payments fail at checkout")
                    .contains("Major outage").contains("<main").contains("<header").contains("lang=\"en\"");

            critical.again();
            critical.resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> !unresolvedIds().contains(critical.incidentId));
            Map<String, Object> resolved = recent(critical.incidentId);
            assertThat(resolved).containsEntry("status", "resolved");
            assertThat(updates(resolved)).hasSize(3);
            assertThat((String) updates(resolved).get(0).get("body"))
                    .startsWith("This incident has been resolved. Customers were affected from ").endsWith(" UTC.");
            assertThat(component("checkout")).containsEntry("status", "operational");
            assertThat(status()).containsEntry("indicator", "major");
            assertThat(output.getAll()).doesNotContain("secret plan");

            Document atom = xml(get("/history.atom"));
            assertThat(atom.getDocumentElement().getTagName()).isEqualTo("feed");
            assertThat(xml(get("/history.rss")).getDocumentElement().getTagName()).isEqualTo("rss");
        }
    }

    /**
     * Issue 16: a security incident is never published automatically (not at declaration, not when raised to
     * Critical), only by a customer update; a drill never, not even with customer updates; an ordinary Critical
     * still goes public at once. Every decision is made in the transaction that writes the incident's row, so once
     * the rows are there and a later incident is on the page, the page was rendered after the decisions.
     */
    @Test
    void keepsSecurityIncidentsAndDrillsOffThePublicPage() {
        try (IncidentStory security = new IncidentStory(broker.getBrokersAsString());
                IncidentStory raised = new IncidentStory(broker.getBrokersAsString());
                IncidentStory drill = new IncidentStory(broker.getBrokersAsString());
                IncidentStory ordinary = new IncidentStory(broker.getBrokersAsString())) {
            security.declared("Card data may have leaked from the mailer", Severity.CRITICAL, true,
                    IncidentType.SECURITY, false, "email");
            raised.declared("Suspicious logins to the mail relay", Severity.MAJOR, true, IncidentType.SECURITY, false,
                    "email").severity(Severity.MAJOR, Severity.CRITICAL, "credentials may be exposed");
            drill.declared("Game day: e-mail is down", Severity.CRITICAL, true, IncidentType.ENGINEERING, true, "email")
                    .update(Audience.CUSTOMER, "Drill: e-mails are not delivered", "Drill customers", "Drilling")
                    .impact(true, "email", "notifications");
            await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(security.incidentId) == 0
                    && lastSequence(raised.incidentId) == 1 && lastSequence(drill.incidentId) == 2);
            assertThat(jdbc.queryForList("SELECT published FROM incident WHERE incident_id IN (?, ?, ?)", Boolean.class,
                    security.incidentId, raised.incidentId, drill.incidentId)).containsExactly(false, false, false);

            ordinary.declared("Checkout is down for everyone", Severity.CRITICAL, true, "checkout");
            await().atMost(Duration.ofSeconds(30)).until(() -> unresolvedIds().contains(ordinary.incidentId));
            for (String path : List.of("/", "/history", "/history.atom", "/history.rss", "/api/v2/summary.json",
                    "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json", "/api/v2/components.json",
                    "/api/v2/status.json")) {
                assertThat(get(path)).as(path).doesNotContain("Card data may have leaked", "Suspicious logins",
                        "Game day", "Drill", security.incidentId, raised.incidentId, drill.incidentId);
            }
            client.get().uri("/incidents/" + drill.incidentId).exchange().expectStatus().isNotFound();
            client.get().uri("/incidents/" + security.incidentId).exchange().expectStatus().isNotFound();
            assertThat(component("notifications")).as("held-back incidents change no component")
                    .containsEntry("status", "operational");

            security.update(Audience.CUSTOMER, "Some e-mails may have been read by an unauthorised party",
                    "Customers who received receipts today", "Rotating the mailer's keys");
            await().atMost(Duration.ofSeconds(30)).until(() -> unresolvedIds().contains(security.incidentId));
            assertThat(updates(unresolved(security.incidentId))).as("the customer update, no automatic entry")
                    .singleElement().satisfies(u -> assertThat((String) u.get("body"))
                            .startsWith("Some e-mails may have been read"));
            assertThat(component("notifications")).containsEntry("status", "major_outage");
            assertThat(unresolvedIds()).doesNotContain(raised.incidentId, drill.incidentId);

            security.resolved();
            ordinary.resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> !unresolvedIds().contains(security.incidentId)
                    && !unresolvedIds().contains(ordinary.incidentId));
        }
    }

    @Test
    void withholdsPublicTextThatCarriesASecret(CapturedOutput output) {
        try (IncidentStory leaky = new IncidentStory(broker.getBrokersAsString())) {
            leaky.declared("Refund failed for card 4111 1111 1111 1111", Severity.CRITICAL, true, "api")
                    .update(Audience.CUSTOMER, "Token Bearer abcdefghijklmnopqrstuvwxyz rotated", "Partners", "Rotating")
                    .update(Audience.CUSTOMER, "Partner API calls fail", "Partners", "Rotating credentials");
            await().atMost(Duration.ofSeconds(30)).until(() -> unresolvedIds().contains(leaky.incidentId)
                    && updates(unresolved(leaky.incidentId)).size() == 2);

            String everything = get("/api/v2/summary.json") + home() + get("/history.rss");
            // the card number's groups, not "4111" alone: the pages link incidents by random UUIDs, which can hold it
            assertThat(everything).doesNotContain("4111 1111", "4111111111111111", "1111 1111", "abcdefghijklmnop");
            assertThat(unresolved(leaky.incidentId)).containsEntry("name", "Public API is experiencing a major outage");
            assertThat(output.getAll()).contains("security.public_text_withheld").doesNotContain("4111 1111");

            leaky.resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> !unresolvedIds().contains(leaky.incidentId));
        }
    }

    @Test
    void redactsCustomersContactDetailsOnEveryPublicSurface() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared("Orders of jane.doe@example.com stuck", Severity.CRITICAL, true, "checkout")
                    .update(Audience.CUSTOMER, "Orders are stuck; contact jane.doe@example.com or +44 20 7946 0958",
                            "Customers like jane.doe@example.com", "Calling +44 20 7946 0958 back");
            await().atMost(Duration.ofSeconds(30)).until(() -> unresolvedIds().contains(story.incidentId)
                    && updates(unresolved(story.incidentId)).size() == 2);

            for (String path : List.of("/", "/history", "/incidents/" + story.incidentId, "/history.atom",
                    "/history.rss", "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json",
                    "/api/v2/summary.json")) {
                assertThat(get(path)).as(path).doesNotContain("jane.doe@example.com", "7946 0958", "jane.doe");
            }
            assertThat((String) updates(unresolved(story.incidentId)).get(0).get("body"))
                    .startsWith("Orders are stuck; contact ");
            assertThat(jdbc.queryForList("SELECT name FROM incident WHERE incident_id = ? UNION ALL"
                    + " SELECT body FROM incident_update WHERE incident_id = ?", String.class, story.incidentId,
                    story.incidentId)).hasSize(3).noneMatch(text -> text.contains("jane.doe") || text.contains("7946"));

            story.resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> !unresolvedIds().contains(story.incidentId));
        }
    }

    /**
     * Issue 19: a declaration can be followed to the status page. The incident record's {@code traceparent} (as
     * incident-command writes it from the HTTP request's trace) is continued by this service's consumer: its span for
     * the record has the request's trace id and the record's span as parent.
     */
    @Test
    void theConsumerSpanOfAPublishedIncidentContinuesTheDeclarationsTrace() {
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
        String spanId = traceId.substring(16);
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.traced("00-" + traceId + "-" + spanId + "-01")
                    .declared("Traced checkout outage", Severity.CRITICAL, true, "checkout");
            await().atMost(Duration.ofSeconds(30)).until(() -> unresolvedIds().contains(story.incidentId));
            await().atMost(Duration.ofSeconds(5)).until(() -> RecordedSpans.ofTrace(traceId).stream()
                    .anyMatch(span -> span.getKind() == SpanKind.CONSUMER));
            assertThat(RecordedSpans.ofTrace(traceId)).filteredOn(span -> span.getKind() == SpanKind.CONSUMER)
                    .anySatisfy(span -> {
                        assertThat(span.getParentSpanId()).isEqualTo(spanId);
                        assertThat(span.getAttributes().asMap().toString()).contains("statuspage-service");
                    });
        }
    }

    @Test
    void servesFromCacheWithEtagsAndNotModified() {
        var first = client.get().uri("/api/v2/status.json").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=10, public")
                .expectHeader().exists("ETag").returnResult(String.class);
        String etag = first.getResponseHeaders().getETag();
        // Spring Security's default no-store headers must not replace the page's own caching
        assertThat(first.getResponseHeaders().get("Pragma")).isNull();
        assertThat(first.getResponseHeaders().get("Expires")).isNull();
        client.get().uri("/api/v2/status.json").header("If-None-Match", etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals("Cache-Control", "max-age=10, public")
                .expectHeader().valueEquals("ETag", etag);
        client.get().uri("/").exchange().expectStatus().isOk().expectHeader().exists("ETag")
                .expectHeader().valueEquals("Cache-Control", "max-age=10, public");
        client.head().uri("/history.atom").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=10, public");
        for (String path : List.of("/api/v2/components.json", "/api/v2/incidents/unresolved.json",
                "/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/upcoming.json",
                "/api/v2/scheduled-maintenances/active.json", "/history", "/history.rss")) {
            client.get().uri(path).exchange().expectStatus().isOk();
        }
        client.get().uri("/incidents/nope").exchange().expectStatus().isNotFound();
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

    private String home() {
        return get("/");
    }

    /**
     * Parsed with a plain mapper: the test client shares the service's codecs, whose input policy would refuse a
     * document whose ids happen to look like a card number.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> document(String path) {
        return PLAIN_JSON.readValue(get(path), Map.class);
    }

    @SuppressWarnings("unchecked")
    private List<String> unresolvedIds() {
        return ((List<Map<String, Object>>) document("/api/v2/incidents/unresolved.json").get("incidents")).stream()
                .map(i -> (String) i.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> unresolved(String id) {
        return ((List<Map<String, Object>>) document("/api/v2/incidents/unresolved.json").get("incidents")).stream()
                .filter(i -> id.equals(i.get("id"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> recent(String id) {
        return ((List<Map<String, Object>>) document("/api/v2/incidents.json").get("incidents")).stream()
                .filter(i -> id.equals(i.get("id"))).findFirst().orElseThrow();
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

    @SuppressWarnings("unchecked")
    private Map<String, Object> status() {
        return (Map<String, Object>) document("/api/v2/status.json").get("status");
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
