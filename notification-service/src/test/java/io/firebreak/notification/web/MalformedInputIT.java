package io.firebreak.notification.web;

import static io.firebreak.support.testing.Malformed.invalid;
import static io.firebreak.support.testing.Malformed.json;
import static io.firebreak.support.testing.Malformed.quoted;
import static io.firebreak.support.testing.Malformed.read;
import static io.firebreak.support.testing.Malformed.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.support.testing.Malformed;
import io.firebreak.support.testing.Malformed.Expect;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.support.testing.RawHttp;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.support.testing.TestTokens;
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
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Issue 13, the malformed-input catalogue of notification-service: both acknowledgement endpoints and both reads,
 * through real HTTP, with bodies an ack must refuse (it carries nothing: unknown fields, duplicate keys, wrong types,
 * control characters, wrong content types, oversized and nested bodies), bad ids (%00, over-long, broken
 * percent-encoding), wrong methods, query strings and headers. No case may get a 5xx; no invalid case may
 * acknowledge anything or change a page, an escalation or a queued message.
 */
@NotificationIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputIT {

    private static final String JSON = "application/json";
    private static final String ACK_PAGE = "/api/v1/pages/{page}/ack";
    private static final String ACK_INCIDENT = "/api/v1/incidents/{incident}/ack";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    String incidentId;
    String pageId;

    @BeforeAll
    void aPagedIncident() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Malformed input target", Severity.CRITICAL, true, "checkout");
            incidentId = story.incidentId;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList(
                "SELECT page_id FROM page WHERE incident_id = ?", String.class, incidentId).isEmpty());
        pageId = jdbc.queryForObject("SELECT page_id FROM page WHERE incident_id = ?", String.class, incidentId);
    }

    static List<Malformed> cases() {
        List<Malformed> cases = new ArrayList<>();
        for (String path : List.of(ACK_PAGE, ACK_INCIDENT)) {
            String name = path.contains("pages") ? "ack page" : "ack incident";
            cases.add(invalid(name + ": unknown field by", "POST", path, JSON, json("by", quoted("Mallory")),
                    Expect.status(400)));
            cases.add(invalid(name + ": unknown field acknowledgedBy", "POST", path, JSON,
                    json("acknowledgedBy", quoted("Mallory")), Expect.status(400)));
            cases.add(invalid(name + ": duplicate keys", "POST", path, JSON, json("by", "\"a\"", "by", "\"b\""),
                    Expect.status(400)));
            cases.add(invalid(name + ": unknown field with NUL", "POST", path, JSON, json("note", quoted("a\u0000")),
                    Expect.oneOf(400, 422)));
            cases.add(invalid(name + ": unknown field with a control character", "POST", path, JSON,
                    json("note", quoted("a\u0007")), Expect.oneOf(400, 422)));
            cases.add(invalid(name + ": unknown field invisible-only", "POST", path, JSON,
                    json("note", quoted("\u200b")), Expect.oneOf(400, 422)));
            cases.add(invalid(name + ": unknown field over-long", "POST", path, JSON,
                    json("note", quoted("x".repeat(20_000))), Expect.oneOf(400, 422)));
            cases.add(invalid(name + ": a number", "POST", path, JSON, "1", Expect.status(400)));
            cases.add(invalid(name + ": a string", "POST", path, JSON, "\"ack\"", Expect.status(400)));
            cases.add(invalid(name + ": an array", "POST", path, JSON, "[]", Expect.status(400)));
            cases.add(invalid(name + ": a boolean", "POST", path, JSON, "true", Expect.status(400)));
            cases.add(invalid(name + ": broken JSON", "POST", path, JSON, "{", Expect.status(400)));
            cases.add(invalid(name + ": trailing garbage", "POST", path, JSON, "{}x", Expect.status(400)));
            cases.add(invalid(name + ": two documents", "POST", path, JSON, "{}{}", Expect.status(400)));
            cases.add(invalid(name + ": deeply nested", "POST", path, JSON, "[".repeat(5_000) + "]".repeat(5_000),
                    Expect.status(400)));
            cases.add(invalid(name + ": body over 64 KiB", "POST", path, JSON,
                    json("note", quoted("x".repeat(70_000))), Expect.oneOf(400, 413)));
            cases.add(invalid(name + ": text/plain", "POST", path, "text/plain", "ack", Expect.status(415)));
            cases.add(invalid(name + ": form encoded", "POST", path, "application/x-www-form-urlencoded", "by=x",
                    Expect.status(415)));
            cases.add(invalid(name + ": XML", "POST", path, "application/xml", "<ack/>", Expect.status(415)));
            cases.add(invalid(name + ": broken content type", "POST", path, "json;;;charset", "{}",
                    Expect.CLIENT_ERROR));
            for (String method : List.of("PUT", "PATCH", "DELETE", "GET")) {
                cases.add(invalid(name + ": " + method, method, path, null, null, Expect.CLIENT_ERROR));
            }
        }
        for (String id : List.of("%00", "%2500", "x".repeat(300), "%E0%A4%A", "'%20OR%201=1--", "..%2F..%2Fadmin",
                "%F0%9F%94%A5", "a%0Ab", "%20", UUID.randomUUID().toString())) {
            cases.add(invalid("ack page: id " + abbreviate(id), "POST", "/api/v1/pages/" + id + "/ack", null, null,
                    Expect.CLIENT_ERROR));
            cases.add(invalid("ack incident: id " + abbreviate(id), "POST", "/api/v1/incidents/" + id + "/ack", null,
                    null, Expect.CLIENT_ERROR));
            cases.add(read("escalation: id " + abbreviate(id), "/api/v1/incidents/" + id + "/escalation",
                    Expect.CLIENT_ERROR));
            cases.add(read("notifications: id " + abbreviate(id), "/api/v1/incidents/" + id + "/notifications",
                    Expect.NOT_SERVER_ERROR));
        }
        for (String query : List.of("?x=%00", "?" + "a=1&".repeat(2_000), "?%E0%A4%A=1", "?state=%FF")) {
            cases.add(read("escalation: query " + abbreviate(query), "/api/v1/incidents/{incident}/escalation" + query,
                    Expect.NOT_SERVER_ERROR));
        }
        cases.add(read("overlong path", "/api/v1/incidents/" + "a".repeat(20_000) + "/escalation",
                Expect.CLIENT_ERROR));
        cases.add(invalid("TRACE", "TRACE", "/api/v1/incidents/{incident}/escalation", null, null,
                Expect.CLIENT_ERROR));
        cases.add(invalid("POST to a read", "POST", "/api/v1/incidents/{incident}/escalation", JSON, "{}",
                Expect.CLIENT_ERROR));
        cases.add(invalid("unknown route", "POST", "/api/v1/pages", JSON, "{}", Expect.CLIENT_ERROR));
        cases.add(valid("ack incident: an empty object", "POST", ACK_INCIDENT, JSON, "{}"));
        cases.add(valid("ack page: no body", "POST", ACK_PAGE, null, null));
        return cases;
    }

    /** Requests whose headers are wrong: credential, content type, charset, accept. */
    record HeaderCase(String name, String method, String path, Map<String, String> headers, String body,
            Expect expect) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<HeaderCase> headerCases() {
        List<HeaderCase> cases = new ArrayList<>();
        for (String path : List.of(ACK_PAGE, ACK_INCIDENT)) {
            String name = path.contains("pages") ? "ack page" : "ack incident";
            cases.add(new HeaderCase(name + ": no credential", "POST", path, Map.of(), null, Expect.status(401)));
            cases.add(new HeaderCase(name + ": a wrong token", "POST", path,
                    Map.of("Authorization", "Bearer not-a-token"), null, Expect.status(401)));
            cases.add(new HeaderCase(name + ": a reader's token", "POST", path,
                    Map.of("Authorization", "Bearer " + TestTokens.READER), null, Expect.status(403)));
            cases.add(new HeaderCase(name + ": basic auth", "POST", path, Map.of("Authorization", "Basic Og=="), null,
                    Expect.status(401)));
            cases.add(new HeaderCase(name + ": a token with a NUL", "POST", path,
                    Map.of("Authorization", "Bearer \u0000" + TestTokens.WRITER), null, Expect.CLIENT_ERROR));
            cases.add(new HeaderCase(name + ": UTF-16 charset on UTF-8 bytes", "POST", path,
                    Map.of("Authorization", "Bearer " + TestTokens.WRITER,
                            "Content-Type", "application/json; charset=UTF-16"), json("by", "\"x\""),
                    Expect.CLIENT_ERROR));
            cases.add(new HeaderCase(name + ": unknown charset", "POST", path,
                    Map.of("Authorization", "Bearer " + TestTokens.WRITER,
                            "Content-Type", "application/json; charset=klingon"), "{}", Expect.CLIENT_ERROR));
        }
        cases.add(new HeaderCase("escalation: Accept garbage", "GET", "/api/v1/incidents/{incident}/escalation",
                Map.of("Authorization", "Bearer " + TestTokens.WRITER, "Accept", "x/;;;q=abc"), null,
                Expect.NOT_SERVER_ERROR));
        cases.add(new HeaderCase("escalation: Accept XML only", "GET", "/api/v1/incidents/{incident}/escalation",
                Map.of("Authorization", "Bearer " + TestTokens.WRITER, "Accept", "application/xml"), null,
                Expect.CLIENT_ERROR));
        cases.add(new HeaderCase("escalation: a foreign Origin", "GET", "/api/v1/incidents/{incident}/escalation",
                Map.of("Authorization", "Bearer " + TestTokens.WRITER, "Origin", "https://evil.example"), null,
                Expect.NOT_SERVER_ERROR));
        return cases;
    }

    @Test
    void theCatalogueHasAtLeastAHundredCases() {
        assertThat(cases().size() + headerCases().size()).isGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerCases")
    void answersEveryRequestWithWrongHeadersWithA4xxAndChangesNothing(HeaderCase request) {
        String before = storedState();
        String path = request.path().replace("{incident}", incidentId).replace("{page}", pageId);
        int status = RawHttp.status(port, request.method(), path, new LinkedHashMap<>(request.headers()),
                request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8));
        assertThat(status).as("%s %s → %d", request.method(), abbreviate(path), status)
                .isLessThan(500).matches(request.expect().status()::test, request.expect().description());
        assertThat(storedState()).as("nothing changed").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersEveryMalformedRequestWithA4xxAndChangesNothing(Malformed request) {
        String before = storedState();
        int status = send(request);
        assertThat(status).as("%s %s → %d", request.method(), abbreviate(request.path()), status)
                .isLessThan(500).matches(request.expect().status()::test, request.expect().description());
        if (!request.valid()) {
            assertThat(storedState()).as("nothing changed").isEqualTo(before);
        }
    }

    private int send(Malformed request) {
        String path = request.path().replace("{incident}", incidentId).replace("{page}", pageId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.WRITER);
        if (request.contentType() != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, request.contentType());
        }
        return RawHttp.status(port, request.method(), path, headers,
                request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8));
    }

    /** The fixture incident's pages, escalation and the acknowledgement messages, as one digest. */
    private String storedState() {
        return jdbc.queryForObject("""
                SELECT md5(coalesce((SELECT string_agg(p::text, '|' ORDER BY page_id) FROM page p WHERE incident_id = ?), '')
                    || coalesce((SELECT string_agg(e.state || e.level, '|') FROM escalation e WHERE incident_id = ?), '')
                    || coalesce((SELECT count(*)::text FROM slack_message WHERE incident_id = ? AND text LIKE '%ack%'), ''))""",
                String.class, incidentId, incidentId, incidentId);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
