package io.firebreak.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.support.Api;
import io.firebreak.command.support.IncidentCommandIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
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

    String active;
    String resolved;

    record Case(String name, HttpMethod method, String path, MediaType type, String body, String ifMatch,
            int status, String field, String problemType) {
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
                post("close major without debrief", "/api/v1/incidents/" + resolved + "/close", "{}", 422,
                        "debriefUrl", "invalid-field"),
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
                        400, null, "malformed-request"),
                new Case("stale If-Match", HttpMethod.POST, one + "/notes", MediaType.APPLICATION_JSON,
                        "{\"kind\": \"NOTE\", \"text\": \"x\"}", "\"99\"", 412, "If-Match", "version-mismatch"),
                new Case("garbage If-Match", HttpMethod.POST, one + "/notes", MediaType.APPLICATION_JSON,
                        "{\"kind\": \"NOTE\", \"text\": \"x\"}", "yesterday", 400, "If-Match", "malformed-request"),
                new Case("unknown role", HttpMethod.PUT, one + "/roles/janitor", MediaType.APPLICATION_JSON,
                        "{\"assignee\": {\"id\": \"u\", \"name\": \"U\"}}", null, 400, "role", "malformed-request"),
                new Case("role without assignee", HttpMethod.PUT, one + "/roles/comms_owner", MediaType.APPLICATION_JSON,
                        "{}", null, 422, "assignee", "invalid-field")));
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
                        422, "assignee.email", "secret-detected")));

        for (Case c : cases) {
            WebTestClient.RequestBodySpec request = client.method(c.method()).uri(c.path())
                    .headers(h -> h.setBearerAuth(Api.WRITER)).contentType(c.type());
            if (c.ifMatch() != null) {
                request.header("If-Match", c.ifMatch());
            }
            EntityExchangeResult<Map> result = request.bodyValue(c.body()).exchange()
                    .expectBody(Map.class).returnResult();
            @SuppressWarnings("unchecked")
            Map<String, Object> problem = (Map<String, Object>) result.getResponseBody();
            assertThat(result.getStatus().value()).as(c.name() + ": " + problem).isEqualTo(c.status());
            assertThat(result.getResponseHeaders().getContentType()).as(c.name())
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(problem).as(c.name()).containsEntry("status", c.status())
                    .containsKeys("type", "title", "detail");
            assertThat((String) problem.get("type")).as(c.name()).endsWith("/" + c.problemType());
            if (c.field() != null) {
                assertThat(problem).as(c.name()).containsEntry("field", c.field());
            }
            assertThat(problem.toString()).as(c.name() + " never echoes a secret")
                    .doesNotContain("4111", "s3cr3tpass", AWS_KEY, "abcdefghijklmnop");
        }

        assertThat(count("domain_event_entry")).as("event store unchanged").isEqualTo(events);
        assertThat(count("incident_view")).isEqualTo(views);
        assertThat(count("channel_name")).as("no channel name claimed by a rejected declaration").isEqualTo(channels);
        assertThat(output.getAll()).as("secrets are never logged").doesNotContain(CARD, "4111-1111", "s3cr3tpass", AWS_KEY,
                "abcdefghijklmnopqrstuvwxyz");
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
