package io.firebreak.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.support.Api;
import io.firebreak.command.support.IncidentCommandIntegrationTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Everything a careless or hostile client might send: each gets its status and a problem+json naming the
 * field, and none of it changes the event store, the read model or the channel-name registry.
 */
@IncidentCommandIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestCatalogueIT {

    static final String CARD = "4111 1111 1111 1111";
    static final String URL_CREDENTIALS = "https://deploy:s3cr3tpass@ci.example/job";
    static final String AWS_KEY = "AKIAIOSFODNN7EXAMPLE";

    @Autowired
    WebTestClient client;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    String active;
    String resolved;

    record Case(String name, HttpMethod method, String path, MediaType type, String body, String ifMatch,
            int status, String field, String problemType, String token, Map<String, String> headers) {

        Case(String name, HttpMethod method, String path, MediaType type, String body, String ifMatch, int status,
                String field, String problemType) {
            this(name, method, path, type, body, ifMatch, status, field, problemType, Api.WRITER, Map.of());
        }
    }

    @BeforeEach
    void twoIncidents() {
        active = (String) Api.declare(client, Map.of("title", "Catalogue target", "severity", "MAJOR")).get("id");
        resolved = (String) Api.declare(client, Map.of("title", "Catalogue resolved", "severity", "MAJOR")).get("id");
        Api.post(client, "/api/v1/incidents/" + resolved + "/resolve", Map.of("resolution", "done"))
                .expectStatus().isOk();
    }

    @Test
    void rejectsEveryMalformedRequestCleanlyAndChangesNothing(CapturedOutput output) {
        long events = count("domain_event_entry");
        long views = count("incident_view");
        long channels = count("channel_name");
        String json = MediaType.APPLICATION_JSON_VALUE;
        String incidents = "/api/v1/incidents";
        String one = incidents + "/" + active;
        List<Case> cases = new ArrayList<>(List.of(
                post("truncated JSON", incidents, "{\"title\": \"x\", ", 400, null, "malformed-request"),
                post("not JSON at all", incidents, "title=x&severity=MINOR", 400, null, "malformed-request"),
                post("empty body", incidents, "", 400, null, "malformed-request"),
                post("JSON array instead of object", incidents, "[1,2]", 400, null, "malformed-request"),
                post("number for title", incidents, "{\"title\": 123, \"severity\": \"MINOR\"}", 400, "title",
                        "malformed-request"),
                post("object for lead", incidents, "{\"title\": \"x\", \"severity\": \"MINOR\", \"incidentLead\": \"ana\"}",
                        400, "incidentLead", "malformed-request"),
                post("unknown field", incidents, "{\"title\": \"x\", \"severity\": \"MINOR\", \"colour\": \"red\"}", 400,
                        "colour", "malformed-request"),
                post("unknown severity", incidents, "{\"title\": \"x\", \"severity\": \"SEV9\"}", 400, "severity",
                        "malformed-request"),
                post("missing severity", incidents, "{\"title\": \"x\"}", 422, "severity", "invalid-field"),
                post("missing title", incidents, "{\"severity\": \"P1\"}", 422, "title", "invalid-field"),
                post("blank title", incidents, "{\"title\": \"   \", \"severity\": \"P1\"}", 422, "title", "invalid-field"),
                post("title over 200", incidents, "{\"title\": \"" + "x".repeat(201) + "\", \"severity\": \"P1\"}", 422,
                        "title", "invalid-field"),
                post("body over 64 KiB", incidents, "{\"title\": \"x\", \"severity\": \"P1\", \"summary\": \""
                        + "y".repeat(70_000) + "\"}", 413, null, "payload-too-large"),
                new Case("wrong content type", HttpMethod.POST, incidents, MediaType.TEXT_PLAIN,
                        "{\"title\": \"x\", \"severity\": \"P1\"}", null, 415, null, "unsupported-media-type"),
                post("unknown status", one + "/status", "{\"status\": \"SLEEPING\"}", 400, "status", "malformed-request"),
                post("status to itself", one + "/status", "{\"status\": \"INVESTIGATING\"}", 409, "status",
                        "rule-violated"),
                post("resolve through status", one + "/status", "{\"status\": \"RESOLVED\"}", 422, "status",
                        "invalid-field"),
                post("status of resolved", "/api/v1/incidents/" + resolved + "/status", "{\"status\": \"FIXING\"}", 409,
                        "status", "rule-violated"),
                post("reopen an active incident", one + "/reopen", "{\"reason\": \"why\"}", 409, "status",
                        "rule-violated"),
                post("close an active incident", one + "/close", "{}", 409, "status", "rule-violated"),
                post("severity unchanged", "/api/v1/incidents/" + resolved + "/severity",
                        "{\"severity\": \"major\"}", 409, "severity", "rule-violated"),
                post("close major without debrief", "/api/v1/incidents/" + resolved + "/close", "{}", 409,
                        "debrief", "rule-violated"),
                post("close major with any link before its debrief", "/api/v1/incidents/" + resolved + "/close",
                        "{\"debriefUrl\": \"https://example.com/anything\"}", 409, "debrief", "rule-violated"),
                post("lower severity without reason", one + "/severity", "{\"severity\": \"MINOR\"}", 422, "reason",
                        "invalid-field"),
                post("customer update without who", one + "/updates",
                        "{\"audience\": \"CUSTOMER\", \"whatIsHappening\": \"x\", \"whatWeAreDoing\": \"y\"}", 422,
                        "whoIsAffected", "invalid-field"),
                post("unparseable next update", one + "/updates",
                        "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"x\", \"nextUpdateAt\": \"tomorrow\"}", 400,
                        "nextUpdateAt", "malformed-request"),
                post("next update in the past", one + "/updates",
                        "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"x\", \"nextUpdateAt\": \"2001-01-01T00:00:00Z\"}",
                        422, "nextUpdateAt", "invalid-field"),
                post("negative minutes", one + "/updates",
                        "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"x\", \"nextUpdateInMinutes\": -5}", 422,
                        "nextUpdateInMinutes", "invalid-field"),
                post("unknown note kind", one + "/notes", "{\"kind\": \"GOSSIP\", \"text\": \"x\"}", 400, "kind",
                        "malformed-request"),
                post("note without text", one + "/notes", "{\"kind\": \"NOTE\"}", 422, "text", "invalid-field"),
                post("impact without flag", one + "/customer-impact", "{\"affectedServices\": []}", 422,
                        "customerImpact", "invalid-field"),
                post("unknown incident", "/api/v1/incidents/" + UUID.randomUUID() + "/notes",
                        "{\"kind\": \"NOTE\", \"text\": \"x\"}", 404, null, "not-found"),
                post("not an incident id", "/api/v1/incidents/DROP%20TABLE/notes", "{\"kind\": \"NOTE\", \"text\": \"x\"}",
                        404, null, "not-found"),
                new Case("stale If-Match", HttpMethod.POST, one + "/notes", MediaType.APPLICATION_JSON,
                        "{\"kind\": \"NOTE\", \"text\": \"x\"}", "\"99\"", 412, "If-Match", "version-mismatch"),
                new Case("garbage If-Match", HttpMethod.POST, one + "/notes", MediaType.APPLICATION_JSON,
                        "{\"kind\": \"NOTE\", \"text\": \"x\"}", "yesterday", 400, "If-Match", "malformed-request"),
                new Case("unknown role", HttpMethod.PUT, one + "/roles/janitor", MediaType.APPLICATION_JSON,
                        "{\"assignee\": {\"id\": \"u\", \"name\": \"U\"}}", null, 400, "role", "malformed-request"),
                new Case("role without assignee", HttpMethod.PUT, one + "/roles/comms_owner", MediaType.APPLICATION_JSON,
                        "{}", null, 422, "assignee", "invalid-field")));
        // issue 16, items 10-14: kinds of incident, several investigators, containment, identified, video bridge
        cases.addAll(List.of(
                post("unknown incident type", incidents, "{\"title\": \"x\", \"severity\": \"P1\", \"type\": \"outage\"}",
                        400, "type", "malformed-request"),
                post("unknown exposure", incidents, "{\"title\": \"x\", \"severity\": \"P1\","
                        + " \"suspectedExposure\": [\"gossip\"]}", 400, "suspectedExposure[0]", "malformed-request"),
                post("blank exposure", incidents, "{\"title\": \"x\", \"severity\": \"P1\","
                        + " \"suspectedExposure\": [\"keys\", \" \"]}", 400, "suspectedExposure[1]", "malformed-request"),
                post("exposure not a list", incidents, "{\"title\": \"x\", \"severity\": \"P1\","
                        + " \"suspectedExposure\": {\"keys\": true}}", 400, "suspectedExposure", "malformed-request"),
                post("string for drill", incidents, "{\"title\": \"x\", \"severity\": \"P1\", \"drill\": \"yes\"}",
                        400, "drill", "malformed-request"),
                post("http video bridge at declaration", incidents, "{\"title\": \"x\", \"severity\": \"P1\","
                        + " \"videoBridgeUrl\": \"http://meet.example.com/x\"}", 422, "videoBridgeUrl", "invalid-field"),
                post("unknown lever", one + "/containment", "{\"lever\": \"PRAY\", \"outcome\": \"CONTAINED\"}", 400,
                        "lever", "malformed-request"),
                post("unknown containment outcome", one + "/containment",
                        "{\"lever\": \"FEATURE_FLAG_OFF\", \"outcome\": \"MAYBE\"}", 400, "outcome", "malformed-request"),
                post("containment without lever", one + "/containment", "{\"outcome\": \"CONTAINED\"}", 422, "lever",
                        "invalid-field"),
                post("containment without outcome", one + "/containment", "{\"lever\": \"FEATURE_FLAG_OFF\"}", 422,
                        "outcome", "invalid-field"),
                post("not applicable without a reason", one + "/containment",
                        "{\"lever\": \"FEATURE_FLAG_OFF\", \"outcome\": \"NOT_APPLICABLE\"}", 422, "note",
                        "invalid-field"),
                post("lever out of order", one + "/containment",
                        "{\"lever\": \"DATA_CORRECTION\", \"outcome\": \"CONTAINED\"}", 409, "lever", "rule-violated"),
                post("containment of a resolved incident", "/api/v1/incidents/" + resolved + "/containment",
                        "{\"lever\": \"FEATURE_FLAG_OFF\", \"outcome\": \"CONTAINED\"}", 409, "status", "rule-violated"),
                post("identified without cause", one + "/identified", "{}", 422, "cause", "invalid-field"),
                new Case("http video bridge", HttpMethod.PUT, one + "/video-bridge", MediaType.APPLICATION_JSON,
                        "{\"url\": \"http://meet.example.com/x\"}", null, 422, "url", "invalid-field"),
                new Case("relative video bridge", HttpMethod.PUT, one + "/video-bridge", MediaType.APPLICATION_JSON,
                        "{\"url\": \"/meet/x\"}", null, 422, "url", "invalid-field"),
                new Case("video bridge without url", HttpMethod.PUT, one + "/video-bridge", MediaType.APPLICATION_JSON,
                        "{}", null, 422, "url", "invalid-field"),
                new Case("joining the lead", HttpMethod.POST, one + "/roles/INCIDENT_LEAD/members",
                        MediaType.APPLICATION_JSON, "{\"assignee\": {\"id\": \"u\", \"name\": \"U\"}}", null, 422,
                        "role", "invalid-field"),
                new Case("joining an unknown role", HttpMethod.POST, one + "/roles/janitor/members",
                        MediaType.APPLICATION_JSON, "{\"assignee\": {\"id\": \"u\", \"name\": \"U\"}}", null, 400,
                        "role", "malformed-request"),
                new Case("joining without assignee", HttpMethod.POST, one + "/roles/investigation-owner/members",
                        MediaType.APPLICATION_JSON, "{}", null, 422, "assignee", "invalid-field")));
        // a secret in every free-text field of every endpoint
        cases.addAll(List.of(
                secret(incidents, "{\"title\": \"card " + CARD + "\", \"severity\": \"P1\"}", "title"),
                secret(incidents, "{\"title\": \"x\", \"summary\": \"" + URL_CREDENTIALS + "\", \"severity\": \"P1\"}",
                        "summary"),
                secret(incidents, "{\"title\": \"x\", \"severity\": \"P1\", \"affectedServices\": [\"" + AWS_KEY + "\"]}",
                        "affectedServices[0]"),
                secret(incidents, "{\"title\": \"x\", \"severity\": \"P1\", \"incidentLead\": {\"id\": \"u\", \"name\": \""
                        + CARD + "\"}}", "incidentLead.name"),
                secret(one + "/severity", "{\"severity\": \"MINOR\", \"reason\": \"" + CARD + "\"}", "reason"),
                secret(one + "/status", "{\"status\": \"FIXING\", \"note\": \"" + AWS_KEY + "\"}", "note"),
                secret(one + "/updates", "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"" + CARD + "\"}",
                        "whatIsHappening"),
                secret(one + "/updates", "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"x\", \"whoIsAffected\": \""
                        + URL_CREDENTIALS + "\"}", "whoIsAffected"),
                secret(one + "/updates", "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"x\", \"whatWeAreDoing\": \""
                        + AWS_KEY + "\"}", "whatWeAreDoing"),
                secret(one + "/notes", "{\"kind\": \"EVIDENCE\", \"text\": \"Authorization: Bearer abcdefghijklmnopqrstuvwxyz\"}",
                        "text"),
                secret(one + "/customer-impact", "{\"customerImpact\": true, \"affectedServices\": [\"" + CARD + "\"]}",
                        "affectedServices[0]"),
                secret(one + "/resolve", "{\"resolution\": \"rotated " + AWS_KEY + "\"}", "resolution"),
                secret("/api/v1/incidents/" + resolved + "/reopen", "{\"reason\": \"" + CARD + "\"}", "reason"),
                secret("/api/v1/incidents/" + resolved + "/close", "{\"debriefUrl\": \"" + URL_CREDENTIALS + "\"}",
                        "debriefUrl"),
                new Case("secret in role assignee", HttpMethod.PUT, one + "/roles/INCIDENT_LEAD", MediaType.APPLICATION_JSON,
                        "{\"assignee\": {\"id\": \"u\", \"name\": \"U\", \"email\": \"" + URL_CREDENTIALS + "\"}}", null,
                        422, "assignee.email", "secret-detected"),
                secret(incidents, "{\"title\": \"x\", \"severity\": \"P1\", \"videoBridgeUrl\": \"" + URL_CREDENTIALS
                        + "\"}", "videoBridgeUrl"),
                secret(one + "/containment", "{\"lever\": \"FEATURE_FLAG_OFF\", \"outcome\": \"CONTAINED\", \"note\": \""
                        + CARD + "\"}", "note"),
                secret(one + "/identified", "{\"cause\": \"leaked " + AWS_KEY + "\"}", "cause"),
                new Case("secret in video bridge", HttpMethod.PUT, one + "/video-bridge", MediaType.APPLICATION_JSON,
                        "{\"url\": \"" + URL_CREDENTIALS + "\"}", null, 422, "url", "secret-detected"),
                new Case("secret in joining investigator", HttpMethod.POST, one + "/roles/INVESTIGATION_OWNER/members",
                        MediaType.APPLICATION_JSON, "{\"assignee\": {\"id\": \"u\", \"name\": \"" + CARD + "\"}}", null,
                        422, "assignee.name", "secret-detected"),
                // issue 17: the status page controls and a customer update's workaround
                secret(one + "/status-page/publish", "{\"publicTitle\": \"card " + CARD + "\"}", "publicTitle"),
                secret(one + "/status-page/publish", "{\"publicMessage\": \"" + AWS_KEY + "\"}", "publicMessage"),
                secret(one + "/status-page/hide", "{\"reason\": \"" + URL_CREDENTIALS + "\"}", "reason"),
                new Case("secret in public wording", HttpMethod.PUT, one + "/status-page/wording",
                        MediaType.APPLICATION_JSON, "{\"publicMessage\": \"" + CARD + "\"}", null, 422,
                        "publicMessage", "secret-detected"),
                secret(one + "/customer-email", "{\"subject\": \"" + AWS_KEY + "\"}", "subject"),
                secret(one + "/customer-email", "{\"message\": \"see " + URL_CREDENTIALS + "\"}", "message"),
                secret(one + "/updates", "{\"audience\": \"CUSTOMER\", \"whatIsHappening\": \"x\", \"whoIsAffected\":"
                        + " \"y\", \"whatWeAreDoing\": \"z\", \"whatYouCanDo\": \"" + CARD + "\"}", "whatYouCanDo")));
        cases.addAll(List.of(
                post("the internal field name title on publish",
                        one + "/status-page/publish", "{\"title\": \"x\"}", 400, "title", "malformed-request"),
                post("customer e-mail over 200 subject", one + "/customer-email",
                        "{\"subject\": \"" + "s".repeat(201) + "\"}", 422, "subject", "invalid-field"),
                post("customer e-mail with a phone number", one + "/customer-email",
                        "{\"message\": \"Call us on +1 415 555 0134\"}", 422, "message", "invalid-field"),
                post("public title with an e-mail address", one + "/status-page/publish",
                        "{\"publicTitle\": \"Ask ana@example.com\"}", 422, "publicTitle", "invalid-field"),
                post("public title as the internal title", one + "/status-page/publish",
                        "{\"publicTitle\": \"catalogue TARGET\"}", 422, "publicTitle", "invalid-field"),
                post("internal update with a workaround", one + "/updates",
                        "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"x\", \"whatYouCanDo\": \"y\"}", 422,
                        "whatYouCanDo", "invalid-field"),
                new Case("empty public wording", HttpMethod.PUT, one + "/status-page/wording", MediaType.APPLICATION_JSON,
                        "{}", null, 422, "publicTitle", "invalid-field"),
                new Case("component id with capitals", HttpMethod.PUT, one + "/status-page/components/Checkout",
                        MediaType.APPLICATION_JSON, "{\"status\": \"MAJOR_OUTAGE\"}", null, 422, "component",
                        "invalid-field"),
                new Case("component id over 64", HttpMethod.PUT, one + "/status-page/components/" + "c".repeat(65),
                        MediaType.APPLICATION_JSON, "{\"status\": \"MAJOR_OUTAGE\"}", null, 422, "component",
                        "invalid-field"),
                new Case("unknown component status", HttpMethod.PUT, one + "/status-page/components/checkout",
                        MediaType.APPLICATION_JSON, "{\"status\": \"ON_FIRE\"}", null, 400, "status",
                        "malformed-request"),
                new Case("component without status", HttpMethod.PUT, one + "/status-page/components/checkout",
                        MediaType.APPLICATION_JSON, "{}", null, 422, "status", "invalid-field"),
                post("unknown field on hiding a resolved incident", "/api/v1/incidents/" + resolved
                        + "/status-page/hide", "{\"why\": \"x\"}", 400, "why", "malformed-request")));

        cases.addAll(moreCases(one, "/api/v1/incidents/" + resolved));
        assertThat(cases).as("the catalogue's size").hasSizeGreaterThanOrEqualTo(100);
        String activeEvents = eventsOf(active);
        String resolvedEvents = eventsOf(resolved);

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            String failure = check(c);
            if (failure != null) {
                failures.add(failure);
            }
        }
        org.slf4j.LoggerFactory.getLogger(MalformedRequestCatalogueIT.class)
                .info("catalogue.result cases={} mismatches={}", cases.size(), failures.size());
        assertThat(failures).as("cases answered otherwise than catalogued").isEmpty();

        assertThat(eventsOf(active)).as("/events of the active incident unchanged").isEqualTo(activeEvents);
        assertThat(eventsOf(resolved)).as("/events of the resolved incident unchanged").isEqualTo(resolvedEvents);
        assertThat(count("domain_event_entry")).as("event store unchanged").isEqualTo(events);
        assertThat(count("incident_view")).isEqualTo(views);
        assertThat(count("channel_name")).as("no channel name claimed by a rejected declaration").isEqualTo(channels);
        assertThat(output.getAll()).as("secrets are never logged").doesNotContain(CARD, "4111-1111", "s3cr3tpass", AWS_KEY,
                "abcdefghijklmnopqrstuvwxyz");
    }

    /** Null when the answer is as catalogued, else what was wrong. */
    private String check(Case c) {
        // an absolute URI, so what the case spells (%00, quotes) goes on the wire as it is, not re-encoded
        WebTestClient.RequestBodySpec request = client.method(c.method())
                .uri(URI.create("http://127.0.0.1:" + port + c.path()))
                .headers(h -> {
                    if (c.token() != null) {
                        h.setBearerAuth(c.token());
                    }
                    c.headers().forEach(h::add);
                });
        if (c.type() != null) {
            request.contentType(c.type());
        }
        if (c.ifMatch() != null) {
            request.header("If-Match", c.ifMatch());
        }
        WebTestClient.RequestHeadersSpec<?> ready = c.body() == null ? request : request.bodyValue(c.body());
        EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
        int status = result.getStatus().value();
        String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        String label = c.name() + " (" + c.method() + " " + abbreviate(c.path()) + ") -> " + status + " " + abbreviate(body);
        if (status >= 500) {
            return "5xx: " + label;
        }
        if (status != c.status()) {
            return "expected " + c.status() + ": " + label;
        }
        if (!MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(result.getResponseHeaders().getContentType())) {
            return "not problem+json: " + label;
        }
        if (!body.contains("\"status\":" + c.status()) || !body.contains("/" + c.problemType() + "\"")) {
            return "expected type " + c.problemType() + ": " + label;
        }
        if (c.field() != null && !body.contains("\"field\":\"" + c.field() + "\"")) {
            return "expected field " + c.field() + ": " + label;
        }
        for (String secret : List.of("4111", "s3cr3tpass", AWS_KEY, "abcdefghijklmnop", "DROP TABLE", "<script")) {
            if (body.contains(secret)) {
                return "echoes what was sent: " + label;
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private String eventsOf(String id) {
        return client.get().uri("/api/v1/incidents/" + id + "/events").headers(h -> h.setBearerAuth(Api.READER))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    /** Issue 13's catalogue: every endpoint, every text field, every kind of nonsense. */
    private static List<Case> moreCases(String one, String done) {
        String incidents = "/api/v1/incidents";
        List<Case> cases = new ArrayList<>();
        // a NUL (and other control characters) in every text field of every endpoint: 422 naming the field
        Map<String, String[]> textFields = new LinkedHashMap<>();
        textFields.put("title", new String[] {incidents, "{\"title\": \"%s\", \"severity\": \"P1\"}"});
        textFields.put("summary", new String[] {incidents, "{\"title\": \"x\", \"severity\": \"P1\", \"summary\": \"%s\"}"});
        textFields.put("affectedServices[0]", new String[] {incidents,
                "{\"title\": \"x\", \"severity\": \"P1\", \"affectedServices\": [\"%s\"]}"});
        textFields.put("incidentLead.id", new String[] {incidents,
                "{\"title\": \"x\", \"severity\": \"P1\", \"incidentLead\": {\"id\": \"%s\", \"name\": \"A\"}}"});
        textFields.put("incidentLead.name", new String[] {incidents,
                "{\"title\": \"x\", \"severity\": \"P1\", \"incidentLead\": {\"id\": \"a\", \"name\": \"%s\"}}"});
        textFields.put("reason", new String[] {one + "/severity", "{\"severity\": \"MINOR\", \"reason\": \"%s\"}"});
        textFields.put("note", new String[] {one + "/status", "{\"status\": \"FIXING\", \"note\": \"%s\"}"});
        textFields.put("whatIsHappening", new String[] {one + "/updates",
                "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"%s\"}"});
        textFields.put("whoIsAffected", new String[] {one + "/updates",
                "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"x\", \"whoIsAffected\": \"%s\"}"});
        textFields.put("whatWeAreDoing", new String[] {one + "/updates",
                "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"x\", \"whatWeAreDoing\": \"%s\"}"});
        textFields.put("text", new String[] {one + "/notes", "{\"kind\": \"NOTE\", \"text\": \"%s\"}"});
        textFields.put("affectedServices[1]", new String[] {one + "/customer-impact",
                "{\"customerImpact\": true, \"affectedServices\": [\"a\", \"%s\"]}"});
        textFields.put("resolution", new String[] {one + "/resolve", "{\"resolution\": \"%s\"}"});
        textFields.put("debriefUrl", new String[] {done + "/close", "{\"debriefUrl\": \"https://x.example/%s\"}"});
        textFields.put("assignee.name", new String[] {one + "/roles/COMMS_OWNER",
                "{\"assignee\": {\"id\": \"u\", \"name\": \"%s\"}}"});
        textFields.put("assignee.email", new String[] {one + "/roles/COMMS_OWNER",
                "{\"assignee\": {\"id\": \"u\", \"name\": \"U\", \"email\": \"%s\"}}"});
        textFields.put("assignee.slackUserId", new String[] {one + "/roles/COMMS_OWNER",
                "{\"assignee\": {\"id\": \"u\", \"name\": \"U\", \"slackUserId\": \"%s\"}}"});
        textFields.put("cause", new String[] {one + "/identified", "{\"cause\": \"%s\"}"});
        textFields.put("url", new String[] {one + "/video-bridge", "{\"url\": \"https://meet.example.com/%s\"}"});
        textFields.put("videoBridgeUrl", new String[] {incidents,
                "{\"title\": \"x\", \"severity\": \"P1\", \"videoBridgeUrl\": \"https://meet.example.com/%s\"}"});
        textFields.put("publicTitle", new String[] {one + "/status-page/publish", "{\"publicTitle\": \"%s\"}"});
        textFields.put("publicMessage", new String[] {one + "/status-page/publish", "{\"publicMessage\": \"%s\"}"});
        textFields.put("subject", new String[] {one + "/customer-email", "{\"subject\": \"%s\"}"});
        textFields.put("message", new String[] {one + "/customer-email", "{\"message\": \"%s\"}"});
        textFields.forEach((field, endpoint) -> {
            String body = endpoint[1];
            HttpMethod method = endpoint[0].contains("/roles/") || endpoint[0].endsWith("/video-bridge") ? HttpMethod.PUT
                    : HttpMethod.POST;
            cases.add(json("NUL in " + field, method, endpoint[0], body.formatted("a\\u0000b"), 422, field, "invalid-field"));
            cases.add(json("escape character in " + field, method, endpoint[0], body.formatted("a\\u001b[31mb"), 422, field,
                    "invalid-field"));
        });
        // text made only of invisible characters
        for (String invisible : List.of("\\u200b\\u200b", "\\u202e", "\\u2066\\u2069 \\ufeff")) {
            cases.add(json("invisible-only title " + invisible, HttpMethod.POST, incidents,
                    "{\"title\": \"" + invisible + "\", \"severity\": \"P1\"}", 422, "title", "invalid-field"));
        }
        cases.add(json("invisible-only note", HttpMethod.POST, one + "/notes",
                "{\"kind\": \"NOTE\", \"text\": \"\\u200b\\u200d\"}", 422, "text", "invalid-field"));
        cases.add(json("invisible-only resolution", HttpMethod.POST, one + "/resolve",
                "{\"resolution\": \"\\u200e\"}", 422, "resolution", "invalid-field"));
        // over-long text, field by field
        String tenThousandAndOne = "y".repeat(10_001);
        cases.add(json("note over 10000", HttpMethod.POST, one + "/notes",
                "{\"kind\": \"NOTE\", \"text\": \"" + tenThousandAndOne + "\"}", 422, "text", "invalid-field"));
        cases.add(json("summary over 10000", HttpMethod.POST, incidents,
                "{\"title\": \"x\", \"severity\": \"P1\", \"summary\": \"" + tenThousandAndOne + "\"}", 422, "summary",
                "invalid-field"));
        cases.add(json("update over 10000", HttpMethod.POST, one + "/updates",
                "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"" + tenThousandAndOne + "\"}", 422,
                "whatIsHappening", "invalid-field"));
        cases.add(json("status note over 10000", HttpMethod.POST, one + "/status",
                "{\"status\": \"FIXING\", \"note\": \"" + tenThousandAndOne + "\"}", 422, "note", "invalid-field"));
        cases.add(json("resolution over 10000", HttpMethod.POST, one + "/resolve",
                "{\"resolution\": \"" + tenThousandAndOne + "\"}", 422, "resolution", "invalid-field"));
        cases.add(json("reopen reason over 10000", HttpMethod.POST, done + "/reopen",
                "{\"reason\": \"" + tenThousandAndOne + "\"}", 422, "reason", "invalid-field"));
        cases.add(json("lead name over 200", HttpMethod.POST, incidents, "{\"title\": \"x\", \"severity\": \"P1\","
                + " \"incidentLead\": {\"id\": \"a\", \"name\": \"" + "n".repeat(201) + "\"}}", 422, "incidentLead.name",
                "invalid-field"));
        cases.add(json("assignee email over 320", HttpMethod.PUT, one + "/roles/COMMS_OWNER",
                "{\"assignee\": {\"id\": \"u\", \"name\": \"U\", \"email\": \"" + "e".repeat(321) + "\"}}", 422,
                "assignee.email", "invalid-field"));
        cases.add(json("service name over 100", HttpMethod.POST, one + "/customer-impact",
                "{\"customerImpact\": true, \"affectedServices\": [\"" + "s".repeat(101) + "\"]}", 422,
                "affectedServices[0]", "invalid-field"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ", ").append("\"svc-").append(i).append('"');
        }
        cases.add(json("51 services", HttpMethod.POST, one + "/customer-impact",
                "{\"customerImpact\": true, \"affectedServices\": [" + many + "]}", 422, "affectedServices",
                "invalid-field"));
        // URLs: http(s) with a host, nothing else
        for (String url : List.of("javascript:alert(1)", "http://", "ftp://files.example/debrief", "not a url",
                "https:///path-only", "data:text/html,<script>alert(1)</script>")) {
            cases.add(json("debrief URL " + url, HttpMethod.POST, done + "/close", "{\"debriefUrl\": \"" + url + "\"}",
                    422, "debriefUrl", "invalid-field"));
        }
        // dates outside 2000..2199, or nonsense
        for (String at : List.of("+300000-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "2200-01-01T00:00:00Z")) {
            cases.add(json("next update at " + at, HttpMethod.POST, one + "/updates",
                    "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"x\", \"nextUpdateAt\": \"" + at + "\"}", 422,
                    "nextUpdateAt", "invalid-field"));
            cases.add(json("mitigated at " + at, HttpMethod.POST, one + "/resolve",
                    "{\"resolution\": \"x\", \"mitigatedAt\": \"" + at + "\"}", 422, "mitigatedAt", "invalid-field"));
        }
        cases.add(json("next update in 1441 minutes", HttpMethod.POST, one + "/updates",
                "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"x\", \"nextUpdateInMinutes\": 1441}", 422,
                "nextUpdateInMinutes", "invalid-field"));
        cases.add(json("both next update forms", HttpMethod.POST, one + "/updates",
                "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"x\", \"nextUpdateInMinutes\": 5,"
                        + " \"nextUpdateAt\": \"2199-01-01T00:00:00Z\"}", 422, "nextUpdateInMinutes", "invalid-field"));
        // duplicate keys and unknown fields, endpoint by endpoint
        Map<String, String[]> endpoints = new LinkedHashMap<>();
        endpoints.put("declare", new String[] {incidents, "{\"title\": \"x\", \"severity\": \"P1\"", "title"});
        endpoints.put("severity", new String[] {one + "/severity", "{\"severity\": \"CRITICAL\"", "severity"});
        endpoints.put("status", new String[] {one + "/status", "{\"status\": \"FIXING\"", "status"});
        endpoints.put("updates", new String[] {one + "/updates", "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"x\"",
                "whatIsHappening"});
        endpoints.put("notes", new String[] {one + "/notes", "{\"kind\": \"NOTE\", \"text\": \"x\"", "text"});
        endpoints.put("customer-impact", new String[] {one + "/customer-impact", "{\"customerImpact\": true",
                "customerImpact"});
        endpoints.put("resolve", new String[] {one + "/resolve", "{\"resolution\": \"x\"", "resolution"});
        endpoints.put("reopen", new String[] {done + "/reopen", "{\"reason\": \"x\"", "reason"});
        endpoints.put("close", new String[] {done + "/close", "{\"debriefUrl\": \"https://d.example/1\"", "debriefUrl"});
        endpoints.put("roles", new String[] {one + "/roles/COMMS_OWNER", "{\"assignee\": {\"id\": \"u\", \"name\": \"U\"}",
                "assignee"});
        endpoints.put("containment", new String[] {one + "/containment",
                "{\"lever\": \"FEATURE_FLAG_OFF\", \"outcome\": \"CONTAINED\"", "lever"});
        endpoints.put("identified", new String[] {one + "/identified", "{\"cause\": \"x\"", "cause"});
        endpoints.put("video-bridge", new String[] {one + "/video-bridge", "{\"url\": \"https://meet.example.com/x\"",
                "url"});
        endpoints.put("members", new String[] {one + "/roles/INVESTIGATION_OWNER/members",
                "{\"assignee\": {\"id\": \"u\", \"name\": \"U\"}", "assignee"});
        endpoints.put("publish", new String[] {one + "/status-page/publish", "{\"publicMessage\": \"x\"",
                "publicMessage"});
        endpoints.put("hide", new String[] {one + "/status-page/hide", "{\"reason\": \"x\"", "reason"});
        endpoints.put("wording", new String[] {one + "/status-page/wording", "{\"publicMessage\": \"x\"",
                "publicMessage"});
        endpoints.put("component", new String[] {one + "/status-page/components/checkout",
                "{\"status\": \"MAJOR_OUTAGE\"", "status"});
        endpoints.put("customer-email", new String[] {one + "/customer-email", "{\"subject\": \"x\"", "subject"});
        endpoints.forEach((name, e) -> {
            HttpMethod method = List.of("roles", "video-bridge", "wording", "component").contains(name) ? HttpMethod.PUT
                    : HttpMethod.POST;
            String duplicate = e[2].equals("assignee") ? ", \"assignee\": {\"id\": \"v\", \"name\": \"V\"}}"
                    : e[2].equals("customerImpact") ? ", \"customerImpact\": false}" : ", \"" + e[2] + "\": \"y\"}";
            cases.add(json("duplicate key on " + name, method, e[0], e[1] + duplicate, 400, null, "malformed-request"));
            cases.add(json("unknown field on " + name, method, e[0], e[1] + ", \"sneaky\": 1}", 400, "sneaky",
                    "malformed-request"));
            cases.add(new Case("no body on " + name, method, e[0], MediaType.APPLICATION_JSON, null, null, 400, null,
                    "malformed-request"));
            cases.add(new Case("XML on " + name, method, e[0], MediaType.APPLICATION_XML, "<x/>", null, 415, null,
                    "unsupported-media-type"));
            cases.add(new Case("form on " + name, method, e[0], MediaType.APPLICATION_FORM_URLENCODED, "a=b", null, 415,
                    null, "unsupported-media-type"));
            cases.add(json("over 64 KiB on " + name, method, e[0], e[1] + ", \"pad\": \"" + "p".repeat(70_000) + "\"}",
                    413, null, "payload-too-large"));
        });
        // wrong types
        cases.add(json("string for customerImpact", HttpMethod.POST, one + "/customer-impact",
                "{\"customerImpact\": \"yes\"}", 400, "customerImpact", "malformed-request"));
        cases.add(json("number for customerImpact", HttpMethod.POST, one + "/customer-impact",
                "{\"customerImpact\": 1}", 400, "customerImpact", "malformed-request"));
        cases.add(json("text for minutes", HttpMethod.POST, one + "/updates",
                "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"x\", \"nextUpdateInMinutes\": \"ten\"}", 400,
                "nextUpdateInMinutes", "malformed-request"));
        cases.add(json("fraction for minutes", HttpMethod.POST, one + "/updates",
                "{\"audience\": \"INTERNAL\", \"whatIsHappening\": \"x\", \"nextUpdateInMinutes\": 2.5}", 400,
                "nextUpdateInMinutes", "malformed-request"));
        cases.add(json("array for note text", HttpMethod.POST, one + "/notes", "{\"kind\": \"NOTE\", \"text\": [\"x\"]}",
                400, "text", "malformed-request"));
        cases.add(json("number for status", HttpMethod.POST, one + "/status", "{\"status\": 2}", 400, "status",
                "malformed-request"));
        cases.add(json("string for assignee", HttpMethod.PUT, one + "/roles/COMMS_OWNER", "{\"assignee\": \"bob\"}", 400,
                "assignee", "malformed-request"));
        cases.add(json("object for services", HttpMethod.POST, one + "/customer-impact",
                "{\"customerImpact\": true, \"affectedServices\": {\"a\": 1}}", 400, "affectedServices",
                "malformed-request"));
        cases.add(json("null body", HttpMethod.POST, one + "/notes", "null", 400, null, "malformed-request"));
        // bad enums
        cases.add(json("unknown audience", HttpMethod.POST, one + "/updates",
                "{\"audience\": \"EVERYONE\", \"whatIsHappening\": \"x\"}", 400, "audience", "malformed-request"));
        cases.add(json("severity as number", HttpMethod.POST, one + "/severity", "{\"severity\": 1}", 400, "severity",
                "malformed-request"));
        cases.add(json("unknown severity alias", HttpMethod.POST, one + "/severity", "{\"severity\": \"P9\"}", 400,
                "severity", "malformed-request"));
        // ids that are neither a UUID nor a reference: never reach SQL, never echoed
        // an encoded NUL is refused by the request firewall before routing: 400
        for (String id : List.of("%00", "a%00b")) {
            cases.add(new Case("note on id " + id, HttpMethod.POST, incidents + "/" + id + "/notes",
                    MediaType.APPLICATION_JSON, "{\"kind\": \"NOTE\", \"text\": \"x\"}", null, 400, null,
                    "malformed-request"));
            cases.add(new Case("read id " + id, HttpMethod.GET, incidents + "/" + id, null, null, null, 400, null,
                    "malformed-request"));
        }
        for (String id : List.of("1'%20OR%20'1'='1", "DROP%20TABLE%20incident_view", "x".repeat(1_000),
                "%3Cscript%3E", "INC-", "123e4567-e89b-12d3-a456-42661417400", "null")) {
            cases.add(new Case("note on id " + abbreviate(id), HttpMethod.POST, incidents + "/" + id + "/notes",
                    MediaType.APPLICATION_JSON, "{\"kind\": \"NOTE\", \"text\": \"x\"}", null, 404, null, "not-found"));
            cases.add(new Case("read id " + abbreviate(id), HttpMethod.GET, incidents + "/" + id, null, null, null, 404,
                    null, "not-found"));
        }
        cases.add(new Case("events of unknown reference", HttpMethod.GET, incidents + "/INC-99999999999999999999/events",
                null, null, null, 404, null, "not-found"));
        // query parameters and headers
        for (String query : List.of("size=0", "size=201", "page=-1", "page=99999999999", "status=SLEEPING",
                "severity=SEV9", "open=maybe", "size=ten")) {
            cases.add(new Case("list with " + query, HttpMethod.GET, incidents + "?" + query, null, null, null, 400,
                    null, "malformed-request"));
        }
        cases.add(new Case("Idempotency-Key over 200", HttpMethod.POST, incidents, MediaType.APPLICATION_JSON,
                "{\"title\": \"x\", \"severity\": \"P1\"}", null, 400, "Idempotency-Key", "malformed-request",
                Api.WRITER, Map.of("Idempotency-Key", "k".repeat(201))));
        cases.add(new Case("source header from monitoring", HttpMethod.POST, incidents, MediaType.APPLICATION_JSON,
                "{\"title\": \"x\", \"severity\": \"P1\"}", null, 400, "X-Firebreak-Source", "malformed-request",
                Api.WRITER, Map.of("X-Firebreak-Source", "ALERTMANAGER")));
        cases.add(new Case("negative If-Match", HttpMethod.POST, one + "/notes", MediaType.APPLICATION_JSON,
                "{\"kind\": \"NOTE\", \"text\": \"x\"}", "\"-1\"", 400, "If-Match", "malformed-request"));
        cases.add(new Case("overflowing If-Match", HttpMethod.POST, one + "/notes", MediaType.APPLICATION_JSON,
                "{\"kind\": \"NOTE\", \"text\": \"x\"}", "\"99999999999999999999\"", 400, "If-Match",
                "malformed-request"));
        // monitoring endpoints: refused only when nothing usable was sent
        String ingest = Api.INGEST;
        cases.add(new Case("webhook integration name", HttpMethod.POST, "/api/v1/integrations/webhook/UPPER",
                MediaType.APPLICATION_JSON, "{\"status\": \"firing\", \"title\": \"t\", \"dedupKey\": \"k\"}", null, 400,
                "integration", "malformed-request", ingest, Map.of()));
        cases.add(new Case("webhook without dedupKey", HttpMethod.POST, "/api/v1/integrations/webhook/catalogue",
                MediaType.APPLICATION_JSON, "{\"status\": \"firing\", \"title\": \"t\"}", null, 422, "dedupKey",
                "invalid-field", ingest, Map.of()));
        cases.add(new Case("webhook unknown status", HttpMethod.POST, "/api/v1/integrations/webhook/catalogue",
                MediaType.APPLICATION_JSON, "{\"status\": \"burning\", \"title\": \"t\", \"dedupKey\": \"k\"}", null,
                400, "status", "malformed-request", ingest, Map.of()));
        cases.add(new Case("webhook firing without title", HttpMethod.POST, "/api/v1/integrations/webhook/catalogue",
                MediaType.APPLICATION_JSON, "{\"status\": \"firing\", \"dedupKey\": \"k\"}", null, 422, "title",
                "invalid-field", ingest, Map.of()));
        cases.add(new Case("alertmanager without groupKey", HttpMethod.POST, "/api/v1/integrations/alertmanager",
                MediaType.APPLICATION_JSON, "{\"version\": \"4\", \"alerts\": []}", null, 422, "groupKey",
                "invalid-field", ingest, Map.of()));
        cases.add(new Case("alertmanager without alerts", HttpMethod.POST, "/api/v1/integrations/alertmanager",
                MediaType.APPLICATION_JSON, "{\"version\": \"4\", \"groupKey\": \"g\", \"alerts\": []}", null, 422,
                "alerts", "invalid-field", ingest, Map.of()));
        cases.add(new Case("alertmanager alert of unknown status", HttpMethod.POST, "/api/v1/integrations/alertmanager",
                MediaType.APPLICATION_JSON, "{\"groupKey\": \"g\", \"alerts\": [{\"status\": \"smouldering\"}]}", null,
                422, "alerts[0].status", "invalid-field", ingest, Map.of()));
        cases.add(new Case("alertmanager truncated JSON", HttpMethod.POST, "/api/v1/integrations/alertmanager",
                MediaType.APPLICATION_JSON, "{\"groupKey\": ", null, 400, null, "malformed-request", ingest, Map.of()));
        return cases;
    }

    private static Case json(String name, HttpMethod method, String path, String body, int status, String field,
            String type) {
        return new Case(name, method, path, MediaType.APPLICATION_JSON, body, null, status, field, type);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private static Case post(String name, String path, String body, int status, String field, String type) {
        return new Case(name, HttpMethod.POST, path, MediaType.APPLICATION_JSON, body, null, status, field, type);
    }

    private static Case secret(String path, String body, String field) {
        return new Case("secret in " + path + " " + field, HttpMethod.POST, path, MediaType.APPLICATION_JSON, body, null,
                422, field, "secret-detected");
    }
}
