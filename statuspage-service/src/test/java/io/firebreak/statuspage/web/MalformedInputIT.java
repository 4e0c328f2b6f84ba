package io.firebreak.statuspage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.Malformed.Expect;
import io.firebreak.support.testing.RawHttp;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import io.firebreak.support.testing.IncidentStory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Issue 13, the malformed-input catalogue of the status page: every public page and v2 JSON document, through real
 * HTTP, with other methods, HEAD and OPTIONS, malformed, encoded and over-long paths, odd query strings, headers,
 * ranges and conditional requests. No case may get a 5xx, nothing but GET and HEAD may succeed, and nothing a
 * request sends changes what the page stores.
 */
@StatusPageIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputIT {

    private static final List<String> PAGES = List.of("/", "/history", "/incidents/{incident}", "/history.atom",
            "/history.rss", "/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json",
            "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances.json",
            "/api/v2/scheduled-maintenances/upcoming.json", "/api/v2/scheduled-maintenances/active.json");

    /** One request: method, path (may hold {incident}), extra headers, body, expected answer. */
    record Case(String name, String method, String path, Map<String, String> headers, String body, Expect expect) {

        @Override
        public String toString() {
            return name;
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    String incidentId;

    @BeforeAll
    void aPublishedIncident() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared("Checkout errors", Severity.MAJOR, true, "checkout")
                    .update(Audience.CUSTOMER, "Some payments fail", "Card payers", "Rolling back");
            incidentId = story.incidentId;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(jdbc.queryForList(
                "SELECT published FROM incident WHERE incident_id = ?", Boolean.class, incidentId).stream()
                .findFirst().orElse(false)));
        // the pages are rendered after the projection commits: the incident's own page is there once rendered
        await().atMost(Duration.ofSeconds(30)).until(() -> RawHttp.status(port, "GET", "/incidents/" + incidentId,
                new LinkedHashMap<>(), null) == 200);
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String page : PAGES) {
            cases.add(new Case("HEAD " + page, "HEAD", page, Map.of(), null, Expect.status(200)));
            cases.add(new Case("OPTIONS " + page, "OPTIONS", page, Map.of(), null, Expect.NOT_SERVER_ERROR));
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                cases.add(new Case(method + " " + page, method, page, Map.of("Content-Type", "application/json"), "{}",
                        Expect.CLIENT_ERROR));
            }
            cases.add(new Case("GET " + page + " with a NUL query", "GET", page + "?q=%00", Map.of(), null,
                    Expect.NOT_SERVER_ERROR));
            cases.add(new Case("GET " + page + " with a broken query", "GET", page + "?%E0%A4%A=%ZZ&&&=", Map.of(),
                    null, Expect.NOT_SERVER_ERROR));
            cases.add(new Case("GET " + page + " with a range", "GET", page, Map.of("Range", "bytes=5-2"), null,
                    Expect.NOT_SERVER_ERROR));
            cases.add(new Case("GET " + page + " If-None-Match *", "GET", page, Map.of("If-None-Match", "*"), null,
                    Expect.oneOf(200, 304)));
            cases.add(new Case("GET " + page + " If-Modified-Since garbage", "GET", page,
                    Map.of("If-Modified-Since", "yesterday-ish"), null, Expect.status(200)));
            cases.add(new Case("GET " + page + " Accept garbage", "GET", page, Map.of("Accept", "x/;;;q=abc"), null,
                    Expect.NOT_SERVER_ERROR));
            cases.add(new Case("GET " + page + "/extra", "GET", (page.equals("/") ? "" : page) + "/%00extra", Map.of(),
                    null, Expect.CLIENT_ERROR));
        }
        for (String id : List.of("%00", "%2500", "x".repeat(300), "%E0%A4%A", "'%20OR%201=1--", "..%2F..%2Fetc%2Fpasswd",
                "%F0%9F%94%A5", "a%0Ab", "%20", UUID.randomUUID().toString(), "..", "%2e%2e", "a;jsessionid=1",
                "<script>alert(1)<%2Fscript>")) {
            cases.add(new Case("incident page id " + abbreviate(id), "GET", "/incidents/" + id, Map.of(), null,
                    Expect.CLIENT_ERROR));
        }
        cases.add(new Case("over-long path", "GET", "/incidents/" + "a".repeat(20_000), Map.of(), null,
                Expect.CLIENT_ERROR));
        cases.add(new Case("over-long query", "GET", "/api/v2/summary.json?" + "a=1&".repeat(3_000), Map.of(), null,
                Expect.NOT_SERVER_ERROR));
        cases.add(new Case("doubled slashes", "GET", "//api//v2//summary.json", Map.of(), null, Expect.NOT_SERVER_ERROR));
        cases.add(new Case("encoded slash", "GET", "/api/v2%2Fsummary.json", Map.of(), null, Expect.CLIENT_ERROR));
        cases.add(new Case("dot segments", "GET", "/api/v2/../../etc/passwd", Map.of(), null, Expect.CLIENT_ERROR));
        cases.add(new Case("absolute-form target", "GET", "http://evil.example/api/v2/summary.json", Map.of(), null,
                Expect.NOT_SERVER_ERROR));
        cases.add(new Case("asterisk target", "OPTIONS", "*", Map.of(), null, Expect.NOT_SERVER_ERROR));
        cases.add(new Case("TRACE", "TRACE", "/", Map.of(), null, Expect.CLIENT_ERROR));
        cases.add(new Case("unknown method", "BREW", "/", Map.of(), null, Expect.CLIENT_ERROR));
        cases.add(new Case("huge header", "GET", "/", Map.of("X-Junk", "x".repeat(20_000)), null,
                Expect.CLIENT_ERROR));
        cases.add(new Case("garbage bearer token", "GET", "/api/v2/status.json", Map.of("Authorization", "Bearer \u00ff"),
                null, Expect.NOT_SERVER_ERROR));
        cases.add(new Case("basic auth", "GET", "/api/v2/status.json", Map.of("Authorization", "Basic Og=="), null,
                Expect.NOT_SERVER_ERROR));
        cases.add(new Case("multi-range", "GET", "/api/v2/summary.json",
                Map.of("Range", "bytes=0-1,2-3,4-5,6-7,8-9,0-1,0-1,0-1"), null, Expect.NOT_SERVER_ERROR));
        cases.add(new Case("If-Match mismatch", "GET", "/api/v2/summary.json", Map.of("If-Match", "\"nope\""), null,
                Expect.NOT_SERVER_ERROR));
        cases.add(new Case("If-None-Match garbage", "GET", "/api/v2/summary.json", Map.of("If-None-Match", "\u00e9,,\""),
                null, Expect.oneOf(200, 304)));
        cases.add(new Case("GET with a body", "GET", "/api/v2/summary.json", Map.of("Content-Type", "application/json"),
                "{\"a\":1}", Expect.NOT_SERVER_ERROR));
        cases.add(new Case("actuator without a token", "GET", "/actuator/metrics", Map.of(), null, Expect.status(401)));
        cases.add(new Case("unknown v2 document", "GET", "/api/v2/secrets.json", Map.of(), null, Expect.CLIENT_ERROR));
        cases.add(new Case("v2 with a NUL", "GET", "/api/v2/summary%00.json", Map.of(), null, Expect.CLIENT_ERROR));
        cases.add(new Case("v2 upper case", "GET", "/API/V2/SUMMARY.JSON", Map.of(), null, Expect.CLIENT_ERROR));
        return cases;
    }

    @Test
    void theCatalogueHasAtLeastAHundredCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersEveryMalformedRequestWithoutA5xxAndChangesNothing(Case request) {
        String before = storedState();
        String path = request.path().replace("{incident}", incidentId);
        int status = RawHttp.status(port, request.method(), path, new LinkedHashMap<>(request.headers()),
                request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8));
        assertThat(status).as("%s %s → %d", request.method(), abbreviate(path), status)
                .isLessThan(500).matches(request.expect().status()::test, request.expect().description());
        assertThat(storedState()).as("nothing changed").isEqualTo(before);
    }

    private String storedState() {
        return jdbc.queryForObject("""
                SELECT md5(coalesce((SELECT string_agg(i::text, '|') FROM incident i WHERE incident_id = ?), '')
                    || coalesce((SELECT string_agg(u::text, '|' ORDER BY update_id) FROM incident_update u
                                 WHERE incident_id = ?), ''))""",
                String.class, incidentId, incidentId);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
