package io.firebreak.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.application.LeadDeadlineWatch;
import io.firebreak.command.store.LeadDeadlineTimers;
import io.firebreak.command.support.Api;
import io.firebreak.command.support.IncidentCommandIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 16, items 8-10 through the HTTP API and the real database: a declaration alike an open incident is refused
 * with its candidates unless forced; the three roles stay distinct on Major/Critical, for every one of several
 * investigators; the lead deadline (a durable timer row) makes the declarer lead, or leaves a note.
 */
@IncidentCommandIntegrationTest
class DeclarationRulesIT {

    @Autowired
    WebTestClient client;

    @Autowired
    LeadDeadlineWatch leadDeadlines;

    @Autowired
    LeadDeadlineTimers timers;

    @Test
    void aDeclarationAlikeAnOpenIncidentOnTheSameServiceIsRefusedWithTheCandidatesUnlessForced() {
        String service = "checkout-" + UUID.randomUUID();
        Map<String, Object> first = Api.declare(client, body("Checkout p99 elevated", "MAJOR", service));

        Api.post(client, "/api/v1/incidents", body("checkout LATENCY elevated", "SEV2", service))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://firebreak.dev/problems/rule-violated")
                .jsonPath("$.field").isEqualTo("title")
                .jsonPath("$.rule").isEqualTo("possible-duplicate")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains(first.get("reference") + " \"Checkout p99 elevated\" (MAJOR, INVESTIGATING)")
                        .contains("\"force\": true"))
                .jsonPath("$.candidates.length()").isEqualTo(1)
                .jsonPath("$.candidates[0].id").isEqualTo(first.get("id"))
                .jsonPath("$.candidates[0].reference").isEqualTo(first.get("reference"))
                .jsonPath("$.candidates[0].title").isEqualTo("Checkout p99 elevated")
                .jsonPath("$.candidates[0].severity").isEqualTo("MAJOR")
                .jsonPath("$.candidates[0].status").isEqualTo("INVESTIGATING");

        Map<String, Object> forced = new HashMap<>(body("checkout LATENCY elevated", "SEV2", service));
        forced.put("force", true);
        Map<String, Object> second = Api.declare(client, forced);
        assertThat(second.get("reference")).isNotEqualTo(first.get("reference"));
    }

    @Test
    void anotherServiceADifferentTitleOrAResolvedIncidentIsNoDuplicate() {
        String service = "search-" + UUID.randomUUID();
        Map<String, Object> first = Api.declare(client, body("Search results stale", "MINOR", service));

        Api.declare(client, body("Search results stale", "MINOR", "other-" + UUID.randomUUID()));
        Api.declare(client, body("Search is down", "MINOR", service));
        Api.post(client, "/api/v1/incidents/" + first.get("id") + "/resolve", Map.of("resolution", "Reindexed"))
                .expectStatus().isOk();
        // the remaining open one ("Search is down") shares one word of three: not alike
        Api.declare(client, body("Search results stale", "MINOR", service));
    }

    @Test
    void theLeadCannotAlsoBeCommsOwnerOnAMajorIncident() {
        Map<String, Object> declared = new HashMap<>(body("Ledger writes rejected", "MAJOR",
                "ledger-" + UUID.randomUUID()));
        declared.put("incidentLead", Map.of("id", "u-ana", "name", "Ana"));
        String id = (String) Api.declare(client, declared).get("id");

        client.put().uri("/api/v1/incidents/" + id + "/roles/COMMS_OWNER").headers(h -> h.setBearerAuth(Api.WRITER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("assignee", Map.of("id", "u-ana", "name", "Ana")))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.field").isEqualTo("assignee")
                .jsonPath("$.rule").isEqualTo("roles-must-be-distinct")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Ana is already INCIDENT_LEAD"));

        client.put().uri("/api/v1/incidents/" + id + "/roles/COMMS_OWNER").headers(h -> h.setBearerAuth(Api.WRITER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("assignee", Map.of("id", "u-bob", "name", "Bob")))
                .exchange().expectStatus().isOk();
    }

    @Test
    void severalInvestigatorsJoinAndEachIsBoundByTheDistinctRolesRule() {
        Map<String, Object> declared = new HashMap<>(body("Payouts delayed", "MAJOR", "payouts-" + UUID.randomUUID()));
        declared.put("incidentLead", Map.of("id", "u-ana", "name", "Ana"));
        String id = (String) Api.declare(client, declared).get("id");
        String roles = "/api/v1/incidents/" + id + "/roles/";

        put(roles + "INVESTIGATION_OWNER", "u-bob", "Bob").expectStatus().isOk();
        Api.post(client, roles + "investigation-owner/members", assignee("u-cat", "Cat")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.investigators[*].id").isEqualTo(List.of("u-bob", "u-cat"))
                .jsonPath("$.roles.INVESTIGATION_OWNER.id").isEqualTo("u-bob");

        Api.post(client, roles + "investigation-owner/members", assignee("u-ana", "Ana")).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.rule").isEqualTo("roles-must-be-distinct")
                .jsonPath("$.field").isEqualTo("assignee")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).endsWith("Ana is already INCIDENT_LEAD"));
        put(roles + "COMMS_OWNER", "u-cat", "Cat").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .endsWith("Cat is already INVESTIGATION_OWNER"));
        Api.post(client, roles + "investigation-owner/members", assignee("u-cat", "Cat")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("role-unchanged");
        Api.post(client, roles + "incident-lead/members", assignee("u-dan", "Dan")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("role");

        // the PUT replaces every investigator: Cat is free to own comms then
        put(roles + "INVESTIGATION_OWNER", "u-dan", "Dan").expectStatus().isOk().expectBody()
                .jsonPath("$.investigators[*].id").isEqualTo(List.of("u-dan"));
        put(roles + "COMMS_OWNER", "u-cat", "Cat").expectStatus().isOk();
        Api.get(client, "/api/v1/incidents/" + id + "/events").expectBody()
                .jsonPath("$[?(@.type == 'RoleAssigned')].data.joining").isEqualTo(List.of(false, false, true, false,
                        false));
    }

    private WebTestClient.ResponseSpec put(String path, String id, String name) {
        return client.put().uri(path).headers(h -> h.setBearerAuth(Api.WRITER)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(assignee(id, name)).exchange();
    }

    private static Map<String, Object> assignee(String id, String name) {
        return Map.of("assignee", Map.of("id", id, "name", name));
    }

    @Test
    void theDeclarerOfAMajorIncidentBecomesLeadWhenNobodyLeadsWithinTheDeadline() {
        String id = (String) Api.declare(client, body("Refunds stuck", "MAJOR", "refunds-" + UUID.randomUUID()))
                .get("id");
        assertThat(timers.armed(id)).isTrue();

        leadDeadlines.fireDue(Instant.now().plus(Duration.ofMinutes(4)));
        assertThat(timers.armed(id)).as("not yet due").isTrue();
        Api.get(client, "/api/v1/incidents/" + id).expectBody().jsonPath("$.roles.INCIDENT_LEAD").doesNotExist();

        leadDeadlines.fireDue(Instant.now().plus(Duration.ofMinutes(6)));
        assertThat(timers.armed(id)).isFalse();
        Api.get(client, "/api/v1/incidents/" + id).expectBody()
                .jsonPath("$.roles.INCIDENT_LEAD.id").isEqualTo("u-tess")
                .jsonPath("$.roles.INCIDENT_LEAD.name").isEqualTo("Tess Writer");
        Api.get(client, "/api/v1/incidents/" + id + "/events").expectBody()
                .jsonPath("$[?(@.type == 'RoleAssigned')].actor.kind").isEqualTo(List.of("SYSTEM"))
                .jsonPath("$[?(@.type == 'RoleAssigned')].actor.id").isEqualTo(List.of("firebreak"))
                .jsonPath("$[?(@.type == 'TimelineNoteAdded')].data.kind").isEqualTo(List.of("MILESTONE"));

        // fired once: a later round finds nothing for it
        leadDeadlines.fireDue(Instant.now().plus(Duration.ofMinutes(60)));
        Api.get(client, "/api/v1/incidents/" + id + "/events").expectBody()
                .jsonPath("$[?(@.type == 'RoleAssigned')]").value(list -> assertThat((List<?>) list).hasSize(1));
    }

    @Test
    void aMinorIncidentWithoutALeadIsOnlyPromptedAndOneWithALeadHasNoTimer() {
        String minor = (String) Api.declare(client, body("Docs site slow", "MINOR", "docs-" + UUID.randomUUID()))
                .get("id");
        Map<String, Object> led = new HashMap<>(body("Webhooks delayed", "CRITICAL", "hooks-" + UUID.randomUUID()));
        led.put("incidentLead", Map.of("id", "u-ana", "name", "Ana"));
        String withLead = (String) Api.declare(client, led).get("id");
        assertThat(timers.armed(withLead)).isFalse();

        leadDeadlines.fireDue(Instant.now().plus(Duration.ofMinutes(6)));
        Api.get(client, "/api/v1/incidents/" + minor).expectBody().jsonPath("$.roles.INCIDENT_LEAD").doesNotExist();
        Api.get(client, "/api/v1/incidents/" + minor + "/events").expectBody()
                .jsonPath("$[?(@.type == 'TimelineNoteAdded')].data.text").value(texts -> assertThat((List<?>) texts)
                        .singleElement().asString().startsWith("No lead after 5 minutes; someone should take the lead"));
    }

    private static Map<String, Object> body(String title, String severity, String service) {
        return Map.of("title", title, "severity", severity, "affectedServices", List.of(service));
    }
}
