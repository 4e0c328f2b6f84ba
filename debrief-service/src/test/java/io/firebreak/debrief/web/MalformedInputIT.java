package io.firebreak.debrief.web;

import static io.firebreak.support.testing.Malformed.invalid;
import static io.firebreak.support.testing.Malformed.json;
import static io.firebreak.support.testing.Malformed.quoted;
import static io.firebreak.support.testing.Malformed.read;
import static io.firebreak.support.testing.Malformed.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.debrief.support.DebriefIntegrationTest;
import io.firebreak.support.testing.Malformed;
import io.firebreak.support.testing.Malformed.Expect;
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
import java.util.concurrent.atomic.AtomicReference;
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
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 13, the malformed-input catalogue of debrief-service: every endpoint, through real HTTP, with unknown
 * fields, duplicate keys, wrong types, control characters, over-long and invisible-only text, bad URLs, dates out of
 * bounds, bad ids and bodies and content types. No case may get a 5xx; no invalid case may be accepted or change
 * what is stored (follow-ups, sections, completions).
 */
@DebriefIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputIT {

    private static final String FOLLOW_UPS = "/api/v1/incidents/{incident}/follow-ups";
    private static final String FOLLOW_UP = "/api/v1/follow-ups/{followUp}";
    private static final String SECTION = "/api/v1/incidents/{incident}/debrief/sections/summary";
    private static final String COMPLETE = "/api/v1/incidents/{incident}/debrief/complete";
    private static final String JSON = "application/json";

    @Autowired
    WebTestClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    String incidentId;
    String followUpId;

    @BeforeAll
    void anIncidentWithAFollowUp() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared("Malformed input target", Severity.MAJOR, true, "checkout").resolved();
            incidentId = story.incidentId;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM incident WHERE incident_id = ? AND status = 'RESOLVED'", Long.class, incidentId) == 1);
        AtomicReference<String> id = new AtomicReference<>();
        writer().post().uri("/api/v1/incidents/" + incidentId + "/follow-ups").header(HttpHeaders.CONTENT_TYPE, JSON)
                .bodyValue("{\"title\":\"Alert on pool\",\"owner\":\"Ana\"}").exchange().expectStatus().isCreated()
                .expectBody(Map.class).value(body -> id.set((String) body.get("id")));
        followUpId = id.get();
    }

    static List<Malformed> cases() {
        List<Malformed> cases = new ArrayList<>();
        Map<String, String> newFollowUp = new LinkedHashMap<>();
        newFollowUp.put("title", quoted("Add a pool alert"));
        newFollowUp.put("owner", quoted("Ana"));
        newFollowUp.put("dueDate", quoted("2030-01-15"));
        newFollowUp.put("priority", quoted("high"));
        newFollowUp.put("externalUrl", quoted("https://tracker.example/T-1"));
        String create = "create follow-up";
        cases.addAll(Malformed.bodyCases(create, "POST", FOLLOW_UPS, newFollowUp));
        for (String field : List.of("title", "owner")) {
            cases.addAll(Malformed.textFieldCases(create, "POST", FOLLOW_UPS, newFollowUp, field, 200));
            cases.add(invalid(create + ": " + field + " empty", "POST", FOLLOW_UPS, JSON,
                    Malformed.with(newFollowUp, field, "\"\""), Expect.status(422)));
            cases.add(invalid(create + ": " + field + " blank", "POST", FOLLOW_UPS, JSON,
                    Malformed.with(newFollowUp, field, "\"   \\t \""), Expect.status(422)));
            cases.add(invalid(create + ": " + field + " null", "POST", FOLLOW_UPS, JSON,
                    Malformed.with(newFollowUp, field, "null"), Expect.status(422)));
        }
        for (String url : List.of("javascript:alert(1)", "http://", "https://", "http:///path", "ftp://tracker.example/x",
                "//tracker.example/x", "data:text/html,<script>alert(1)</script>", "tracker.example/T-1",
                "file:///etc/passwd", "http://exa mple.com", "JAVASCRIPT:alert(1)", "mailto:a@example.com")) {
            cases.add(invalid(create + ": externalUrl " + url, "POST", FOLLOW_UPS, JSON,
                    Malformed.with(newFollowUp, "externalUrl", quoted(url)), Expect.status(422)));
        }
        cases.add(invalid(create + ": externalUrl a number", "POST", FOLLOW_UPS, JSON,
                Malformed.with(newFollowUp, "externalUrl", "7"), Expect.status(400)));
        for (String date : List.of("1900-01-01", "1999-12-31", "2200-01-01", "+999999-01-01")) {
            cases.add(invalid(create + ": dueDate " + date, "POST", FOLLOW_UPS, JSON,
                    Malformed.with(newFollowUp, "dueDate", quoted(date)), Expect.status(422)));
        }
        for (String date : List.of("999999", "2030-13-45", "tomorrow", "2030-01-15T10:00:00Z", "15/01/2030", "")) {
            cases.add(invalid(create + ": dueDate '" + date + "'", "POST", FOLLOW_UPS, JSON,
                    Malformed.with(newFollowUp, "dueDate", quoted(date)), Expect.oneOf(400, 422)));
        }
        cases.add(invalid(create + ": dueDate a number", "POST", FOLLOW_UPS, JSON,
                Malformed.with(newFollowUp, "dueDate", "20300115"), Expect.status(400)));
        cases.add(invalid(create + ": dueDate an array", "POST", FOLLOW_UPS, JSON,
                Malformed.with(newFollowUp, "dueDate", "[2030,1,15]"), Expect.status(400)));
        cases.add(invalid(create + ": priority unknown", "POST", FOLLOW_UPS, JSON,
                Malformed.with(newFollowUp, "priority", "\"critical\""), Expect.status(400)));
        cases.add(invalid(create + ": priority a number", "POST", FOLLOW_UPS, JSON,
                Malformed.with(newFollowUp, "priority", "1"), Expect.status(400)));
        for (String id : List.of("%00", "%2500", UUID.randomUUID().toString(), "x".repeat(300), "..%2F..%2Fadmin",
                "%E0%A4%A", "'%20OR%201=1--", "%F0%9F%94%A5")) {
            cases.add(invalid(create + ": incident id " + abbreviate(id), "POST",
                    "/api/v1/incidents/" + id + "/follow-ups", JSON, json("title", "\"t\"", "owner", "\"o\""),
                    Expect.CLIENT_ERROR));
        }
        cases.add(valid(create + ": title and owner only", "POST", FOLLOW_UPS, JSON,
                json("title", quoted("Minimal 🔥 follow-up"), "owner", quoted("Bob"))));

        Map<String, String> change = new LinkedHashMap<>();
        change.put("status", quoted("completed"));
        change.put("owner", quoted("Bob"));
        String patch = "change follow-up";
        cases.addAll(Malformed.bodyCases(patch, "PATCH", FOLLOW_UP, change));
        cases.addAll(Malformed.textFieldCases(patch, "PATCH", FOLLOW_UP, change, "owner", 200));
        cases.add(invalid(patch + ": nothing to change", "PATCH", FOLLOW_UP, JSON, "{}", Expect.status(422)));
        cases.add(invalid(patch + ": both null", "PATCH", FOLLOW_UP, JSON, json("status", "null", "owner", "null"),
                Expect.status(422)));
        for (String status : List.of("done", "COMPLETED!", "", "outstanding ")) {
            cases.add(invalid(patch + ": status '" + status + "'", "PATCH", FOLLOW_UP, JSON,
                    json("status", quoted(status)), Expect.oneOf(400, 422)));
        }
        cases.add(invalid(patch + ": status a number", "PATCH", FOLLOW_UP, JSON, json("status", "2"),
                Expect.status(400)));
        for (String id : List.of("%00", UUID.randomUUID().toString(), "x".repeat(300), "%E0%A4%A", "a%20b")) {
            cases.add(invalid(patch + ": follow-up id " + abbreviate(id), "PATCH", "/api/v1/follow-ups/" + id, JSON,
                    json("owner", "\"Bob\""), Expect.CLIENT_ERROR));
        }
        cases.add(valid(patch + ": owner only (was a 500)", "PATCH", FOLLOW_UP, JSON, json("owner", quoted("Chris"))));
        cases.add(valid(patch + ": status only", "PATCH", FOLLOW_UP, JSON, json("status", quoted("not_doing"))));
        cases.add(valid(patch + ": back to outstanding with an owner", "PATCH", FOLLOW_UP, JSON,
                json("status", quoted("outstanding"), "owner", quoted("Dana ✨"))));

        Map<String, String> section = new LinkedHashMap<>();
        section.put("text", quoted("What happened, in a paragraph."));
        String edit = "edit section";
        cases.addAll(Malformed.bodyCases(edit, "PUT", SECTION, section));
        cases.addAll(Malformed.textFieldCases(edit, "PUT", SECTION, section, "text", 50_000));
        cases.add(invalid(edit + ": unknown section", "PUT", "/api/v1/incidents/{incident}/debrief/sections/nope", JSON,
                json("text", "\"x\""), Expect.status(404)));
        cases.add(invalid(edit + ": section %00", "PUT", "/api/v1/incidents/{incident}/debrief/sections/%00", JSON,
                json("text", "\"x\""), Expect.CLIENT_ERROR));
        cases.add(invalid(edit + ": incident %00", "PUT", "/api/v1/incidents/%00/debrief/sections/summary", JSON,
                json("text", "\"x\""), Expect.CLIENT_ERROR));
        cases.add(valid(edit + ": a valid text", "PUT", SECTION, JSON, json("text", quoted("Pool exhausted 🔥"))));

        String complete = "complete debrief";
        cases.add(invalid(complete + ": unknown field", "POST", COMPLETE, JSON, json("completedBy", "\"me\""),
                Expect.status(400)));
        cases.add(invalid(complete + ": broken JSON", "POST", COMPLETE, JSON, "{", Expect.status(400)));
        cases.add(invalid(complete + ": array", "POST", COMPLETE, JSON, "[]", Expect.status(400)));
        cases.add(invalid(complete + ": unknown incident", "POST", "/api/v1/incidents/" + UUID.randomUUID()
                + "/debrief/complete", JSON, "{}", Expect.status(404)));
        cases.add(invalid(complete + ": incident %00", "POST", "/api/v1/incidents/%00/debrief/complete", JSON, "{}",
                Expect.CLIENT_ERROR));

        cases.add(read("debriefs: unknown state", "/api/v1/debriefs?state=bogus", Expect.status(400)));
        cases.add(read("debriefs: state with NUL", "/api/v1/debriefs?state=%00", Expect.status(400)));
        cases.add(read("debriefs: repeated state", "/api/v1/debriefs?state=due&state=overdue", Expect.NOT_SERVER_ERROR));
        cases.add(read("debriefs: q with NUL", "/api/v1/debriefs?q=a%00b", Expect.status(400)));
        cases.add(read("debriefs: q blank", "/api/v1/debriefs?q=%20%20", Expect.status(422)));
        cases.add(read("debriefs: q over-long", "/api/v1/debriefs?q=" + "x".repeat(201), Expect.status(422)));
        cases.add(read("debriefs: q of operators only", "/api/v1/debriefs?q=%22%22%20or%20-", Expect.status(200)));
        cases.add(read("debriefs: q with a quote", "/api/v1/debriefs?q=%27%3B%20DROP%20TABLE%20incident%3B--",
                Expect.status(200)));

        String linearWebhook = "linear webhook";
        String webhooks = "/api/v1/integrations/linear/webhooks";
        cases.add(invalid(linearWebhook + ": broken JSON", "POST", webhooks, JSON, "{", Expect.status(400)));
        cases.add(invalid(linearWebhook + ": array", "POST", webhooks, JSON, "[]", Expect.status(400)));
        cases.add(invalid(linearWebhook + ": no type", "POST", webhooks, JSON, "{}", Expect.status(400)));
        cases.add(invalid(linearWebhook + ": no timestamp", "POST", webhooks, JSON,
                json("type", quoted("Issue"), "action", quoted("update")), Expect.status(400)));
        cases.add(invalid(linearWebhook + ": timestamp a word", "POST", webhooks, JSON,
                json("type", quoted("Issue"), "action", quoted("update"), "webhookTimestamp", quoted("soon")),
                Expect.status(400)));
        cases.add(invalid(linearWebhook + ": unsigned", "POST", webhooks, JSON,
                json("type", quoted("Issue"), "action", quoted("update"), "webhookTimestamp", "1"), Expect.status(401)));

        cases.add(read("follow-ups: unknown state", "/api/v1/follow-ups?state=bogus", Expect.status(400)));
        cases.add(read("follow-ups: overdue not a boolean", "/api/v1/follow-ups?overdue=maybe", Expect.status(400)));
        cases.add(read("follow-ups: incidentId %00", "/api/v1/follow-ups?incidentId=%00", Expect.NOT_SERVER_ERROR));
        cases.add(read("follow-ups: incidentId over-long", "/api/v1/follow-ups?incidentId=" + "x".repeat(5_000),
                Expect.NOT_SERVER_ERROR));
        for (String from : List.of("yesterday", "%00", "+300000-01-01T00:00:00Z", "2030-02-30", "-1")) {
            cases.add(read("stats: from " + from, "/api/v1/follow-ups/stats?from=" + from, Expect.CLIENT_ERROR));
            cases.add(read("metrics: from " + from, "/api/v1/metrics?from=" + from, Expect.CLIENT_ERROR));
        }
        cases.add(read("metrics: from after to", "/api/v1/metrics?from=2030-01-02&to=2030-01-01", Expect.status(422)));
        cases.add(read("stats: from after to", "/api/v1/follow-ups/stats?from=2030-01-02&to=2030-01-01",
                Expect.CLIENT_ERROR));
        cases.add(read("metrics: from 1900", "/api/v1/metrics?from=1900-01-01", Expect.NOT_SERVER_ERROR));
        cases.add(read("metrics: includeDrills not a boolean", "/api/v1/metrics?includeDrills=maybe", Expect.status(400)));
        for (String id : List.of("%00", "x".repeat(300), "%E0%A4%A", UUID.randomUUID().toString(), "%20")) {
            cases.add(read("timeline: id " + abbreviate(id), "/api/v1/incidents/" + id + "/timeline", Expect.CLIENT_ERROR));
            cases.add(read("debrief: id " + abbreviate(id), "/api/v1/incidents/" + id + "/debrief", Expect.CLIENT_ERROR));
        }
        cases.add(read("overlong path", "/api/v1/incidents/" + "a".repeat(20_000) + "/timeline", Expect.CLIENT_ERROR));
        cases.add(invalid("DELETE a follow-up", "DELETE", FOLLOW_UP, null, null, Expect.CLIENT_ERROR));
        cases.add(invalid("PUT a follow-up", "PUT", FOLLOW_UP, JSON, json("owner", "\"x\""), Expect.CLIENT_ERROR));
        cases.add(invalid("POST to the follow-up list", "POST", "/api/v1/follow-ups", JSON, json("title", "\"x\""),
                Expect.CLIENT_ERROR));
        cases.add(invalid("TRACE", "TRACE", "/api/v1/follow-ups", null, null, Expect.CLIENT_ERROR));
        return cases;
    }

    @Test
    void theCatalogueHasAtLeastAHundredCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(100);
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
        String path = request.path().replace("{incident}", incidentId).replace("{followUp}", followUpId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.WRITER);
        if (request.contentType() != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, request.contentType());
        }
        return RawHttp.status(port, request.method(), path, headers,
                request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8));
    }

    /** What people wrote and decided: follow-ups, sections and completions, as one digest. */
    private String storedState() {
        return jdbc.queryForObject("""
                SELECT md5(coalesce((SELECT string_agg(f::text, '|' ORDER BY follow_up_id) FROM follow_up f), '')
                    || coalesce((SELECT string_agg(s::text, '|' ORDER BY incident_id, section) FROM debrief_section s), '')
                    || coalesce((SELECT string_agg(c::text, '|' ORDER BY incident_id) FROM debrief_completion c), ''))""",
                String.class);
    }

    private WebTestClient writer() {
        return client.mutate().defaultHeaders(h -> h.setBearerAuth(TestTokens.WRITER)).build();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
