package io.firebreak.debrief.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.debrief.support.Api;
import io.firebreak.debrief.support.DebriefIntegrationTest;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.IncidentStory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 16, item 2: a debrief completes only when every section its form has says something and it ends with an
 * owned follow-up (owner and due date) or an explicit "no follow-up needed" with a reason; otherwise 409 naming
 * each missing section and {@code followUps}.
 */
@DebriefIntegrationTest
class DebriefCompletionIT {

    @Autowired
    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void withACredential() {
        client = Api.asWriter(client);
    }

    @Test
    void refusesAnEmptyShortDebriefNamingEachMissingSectionAndTheFollowUps() {
        String id = resolved("Search results stale", Severity.MAJOR);
        complete(id, null).expectStatus().isEqualTo(409).expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.field").isEqualTo("contributors")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("contributors, followUps"))
                // mitigators derive from the resolution, so they are not missing
                .jsonPath("$.missing")
                .isEqualTo(List.of("contributors", "followUps"));

        section(id, "contributors", "TODO");
        followUp(id, "Alert on index lag", null);
        complete(id, null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.missing").isEqualTo(List.of("contributors", "followUps"));

        section(id, "contributors", "The indexer silently stopped after a schema change.");
        String dropped = followUp(id, "Rewrite the indexer", LocalDate.now().plusDays(14));
        client.patch().uri("/api/v1/follow-ups/" + dropped).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "not_doing")).exchange().expectStatus().isOk();
        complete(id, null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.missing").isEqualTo(List.of("followUps"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM debrief_completion WHERE incident_id = ?", Long.class, id))
                .isZero();

        followUp(id, "Page on indexer lag over 5 minutes", LocalDate.now().plusDays(7));
        complete(id, null).expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("completed");
    }

    @Test
    void completesWithoutAFollowUpOnlyWithAReason() {
        String id = resolved("Checkout latency spike", Severity.MAJOR, "A vendor cached less during their deploy",
                "We waited for the vendor's rollback");
        complete(id, Map.of()).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.missing").isEqualTo(List.of("followUps"));
        complete(id, Map.of("noFollowUpNeeded", Map.of("reason", "  "))).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.field").isEqualTo("noFollowUpNeeded.reason");
        complete(id, Map.of("noFollowUpNeeded", Map.of())).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.field").isEqualTo("noFollowUpNeeded.reason");
        complete(id, Map.of("noFollowUpNeeded", Map.of("reason", "x", "by", "me"))).expectStatus().isBadRequest();

        complete(id, Map.of("noFollowUpNeeded", Map.of("reason", "The vendor owns the fix; their RCA covers it.")))
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("completed");
        assertThat(jdbc.queryForObject("SELECT no_follow_up_reason FROM debrief_completion WHERE incident_id = ?",
                String.class, id)).isEqualTo("The vendor owns the fix; their RCA covers it.");
        assertThat(client.get().uri("/api/v1/incidents/" + id + "/debrief").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody())
                .contains("## Follow-ups\n\nNo follow-up needed: The vendor owns the fix; their RCA covers it.");
    }

    @Test
    void anOptionalDebriefNeedsItsFewSectionsAndAnOwnedFollowUpToo() {
        String id = resolved("Typo on the pricing page", Severity.MINOR);
        complete(id, null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.missing").isEqualTo(List.of("followUps"));
        followUp(id, "Spell-check the CMS", LocalDate.now().plusDays(30));
        complete(id, null).expectStatus().isOk();
    }

    private String resolved(String title, Severity severity, String... contributorsThenMitigators) {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared(title, severity, true, "search");
            if (contributorsThenMitigators.length == 2) {
                story.note(NoteKind.HYPOTHESIS, contributorsThenMitigators[0])
                        .note(NoteKind.DECISION, contributorsThenMitigators[1]);
            }
            story.resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM incident WHERE incident_id = ? AND resolved_at IS NOT NULL", Long.class,
                    story.incidentId) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM timeline_entry WHERE incident_id = ?", Long.class, story.incidentId)
                    == 2 + contributorsThenMitigators.length);
            return story.incidentId;
        }
    }

    private WebTestClient.ResponseSpec complete(String id, Map<String, Object> body) {
        WebTestClient.RequestBodySpec request = client.post().uri("/api/v1/incidents/" + id + "/debrief/complete");
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void section(String id, String section, String text) {
        client.put().uri("/api/v1/incidents/" + id + "/debrief/sections/" + section)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", text)).exchange().expectStatus().isOk();
    }

    private String followUp(String id, String title, LocalDate due) {
        Map<String, Object> body = due == null ? Map.of("title", title, "owner", "Ana")
                : Map.of("title", title, "owner", "Ana", "dueDate", due.toString());
        return (String) client.post().uri("/api/v1/incidents/" + id + "/follow-ups")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }
}
