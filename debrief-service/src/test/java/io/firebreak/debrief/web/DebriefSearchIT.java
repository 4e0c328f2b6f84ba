package io.firebreak.debrief.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.debrief.support.Api;
import io.firebreak.debrief.support.DebriefIntegrationTest;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.support.testing.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 16, item 5: {@code GET /api/v1/debriefs?q=} searches the incident title, the sections and the follow-up
 * titles with PostgreSQL full-text search (stemmed, web-search syntax), best match first, within the state filter.
 */
@DebriefIntegrationTest
class DebriefSearchIT {

    @Autowired
    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @BeforeEach
    void withACredential() {
        client = Api.asWriter(client);
    }

    @Test
    void findsDebriefsByTitleSectionsNotesAndFollowUpsRankedAndFilteredByState() {
        // a word no other test of this JVM writes, so the hits are exactly ours
        StringBuilder letters = new StringBuilder("zq");
        UUID.randomUUID().toString().replace("-", "").chars().limit(10)
                .forEach(c -> letters.append(Character.isDigit(c) ? (char) ('g' + c - '0') : (char) c));
        String word = letters.toString();
        String inTitle = resolved("Payments " + word + " outage", Severity.CRITICAL, null, null);
        String inSection = resolved("Login slow", Severity.MAJOR, null, "Customer " + word + "@example.com waiting");
        String inFollowUp = resolved("Reports late", Severity.MAJOR, "Cron drifted after the migration", null);
        String elsewhere = resolved("Search stale", Severity.MAJOR, null, null);

        client.put().uri("/api/v1/incidents/" + inSection + "/debrief/sections/contributors")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "The " + word + " pool was exhausted by retries; retrying made it worse."))
                .exchange().expectStatus().isOk();
        client.post().uri("/api/v1/incidents/" + inFollowUp + "/follow-ups").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Monitor the " + word + " queue depth", "owner", "Ana",
                        "dueDate", LocalDate.now().plusDays(7).toString()))
                .exchange().expectStatus().isCreated();

        List<Map<String, Object>> hits = search("q=" + word);
        assertThat(hits).extracting(h -> h.get("incidentId")).as("the title weighs most")
                .containsExactly(inTitle, inSection, inFollowUp).doesNotContain(elsewhere);
        assertThat(hits).allSatisfy(h -> assertThat(((Number) h.get("rank")).doubleValue()).isPositive());

        assertThat(search("q=retrying")).extracting(h -> h.get("incidentId")).as("stemmed: retry, retries, retrying")
                .contains(inSection);
        assertThat(search("q=drift")).extracting(h -> h.get("incidentId")).as("a note the contributors derive from")
                .contains(inFollowUp);
        assertThat(search("q=\"" + word + " queue\"")).extracting(h -> h.get("incidentId")).containsExactly(inFollowUp);
        assertThat(search("q=" + word + " -payments")).extracting(h -> h.get("incidentId"))
                .containsExactlyInAnyOrder(inSection, inFollowUp);

        client.put().uri("/api/v1/incidents/" + inFollowUp + "/debrief/sections/contributors")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "Cron drifted.")).exchange()
                .expectStatus().isOk();
        client.post().uri("/api/v1/incidents/" + inFollowUp + "/debrief/complete").exchange().expectStatus().isOk();
        assertThat(search("q=" + word + "&state=completed")).extracting(h -> h.get("incidentId"))
                .containsExactly(inFollowUp);
        assertThat(search("q=" + word + "&state=due")).extracting(h -> h.get("incidentId"))
                .containsExactly(inTitle, inSection);
        assertThat(search("state=due")).allSatisfy(h -> assertThat(h.get("rank")).isNull());

        assertThat(search("q=" + word + "%40example.com")).as("customer updates are not searched (they are redacted)")
                .isEmpty();
    }

    @Test
    void refusesAnEmptyLongOrControlCharacterQueryNamingQ() {
        for (String q : List.of("%20%20", "x".repeat(201), "a%00b")) {
            // a URI as sent: the template would encode the % of the escapes once more
            client.get().uri(URI.create("http://127.0.0.1:" + port + "/api/v1/debriefs?q=" + q)).exchange().expectStatus().value(s ->
                    assertThat(s).isBetween(400, 422)).expectBody().jsonPath("$.field").isEqualTo("q");
        }
        client.get().uri("/api/v1/debriefs?q=or -&state=due").exchange().expectStatus().isOk();
        Api.as(client, TestTokens.NO_SCOPES).get().uri("/api/v1/debriefs?q=x").exchange().expectStatus().isForbidden();
    }

    private String resolved(String title, Severity severity, String hypothesis, String customerUpdate) {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared(title, severity, true, "search");
            int entries = 3;
            if (hypothesis != null) {
                story.note(NoteKind.HYPOTHESIS, hypothesis);
                entries++;
            }
            if (customerUpdate != null) {
                story.update(Audience.CUSTOMER, customerUpdate, "Some", "Looking");
                entries++;
            }
            story.note(NoteKind.DECISION, "Rolled back").resolved();
            int expected = entries;
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM timeline_entry WHERE incident_id = ?", Long.class, story.incidentId) == expected
                    && jdbc.queryForObject("SELECT count(*) FROM incident WHERE incident_id = ? AND resolved_at IS NOT NULL",
                            Long.class, story.incidentId) == 1);
            return story.incidentId;
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> search(String query) {
        return client.get().uri("/api/v1/debriefs?" + query).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream().map(m -> (Map<String, Object>) m)
                .toList();
    }
}
