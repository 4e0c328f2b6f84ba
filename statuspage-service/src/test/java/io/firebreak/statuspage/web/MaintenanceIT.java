package io.firebreak.statuspage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.statuspage.support.MovableClock;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import io.firebreak.support.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scheduled maintenance through the API ({@code statuspage:write}) and out through the page, the feeds and the
 * Statuspage v2 {@code scheduled-maintenances} documents; bad input refused with a problem naming the field.
 */
@StatusPageIntegrationTest
class MaintenanceIT {

    private static final JsonMapper PLAIN_JSON = JsonMapper.builder().build();
    private static final String BASE = "/api/v1/status-page/maintenances";

    @Autowired
    WebTestClient client;

    @Test
    void announcesStartsAndCompletesMaintenanceOnEveryPublicSurface() {
        Instant from = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> announced = write(HttpMethod.POST, BASE, Map.of("title", "Database upgrade",
                "message", "Notifications may be delayed for up to 10 minutes.", "components", List.of("notifications"),
                "scheduledFor", from.toString(), "scheduledUntil", from.plus(Duration.ofHours(2)).toString()), 201);
        String id = (String) announced.get("id");
        assertThat(announced).containsEntry("status", "scheduled").containsEntry("createdBy", TestTokens.WRITER_ID)
                .containsEntry("title", "Database upgrade");

        Map<String, Object> upcoming = maintenance("/api/v2/scheduled-maintenances/upcoming.json", id);
        assertThat(upcoming).containsKeys("id", "name", "status", "created_at", "updated_at", "monitoring_at",
                "resolved_at", "impact", "shortlink", "started_at", "page_id", "incident_updates", "components",
                "scheduled_for", "scheduled_until");
        assertThat(upcoming).containsEntry("name", "Database upgrade").containsEntry("status", "scheduled")
                .containsEntry("impact", "maintenance").containsEntry("scheduled_for", from.toString())
                .containsEntry("shortlink", "http://status.acme.test/incidents/" + id);
        assertThat(ids("/api/v2/scheduled-maintenances/active.json")).doesNotContain(id);
        assertThat(ids("/api/v2/summary.json")).contains(id);
        assertThat(get("/")).contains("Upcoming maintenance", "Database upgrade");
        assertThat(get("/history.atom")).contains("Scheduled maintenance: Database upgrade");
        assertThat(get("/history.rss")).contains("Scheduled maintenance: Database upgrade");
        assertThat(get("/incidents/" + id)).contains("Notifications may be delayed");

        write(HttpMethod.PUT, BASE + "/" + id, Map.of("title", "Database upgrade (extended)",
                "message", "Notifications may be delayed for up to 20 minutes.", "components",
                List.of("notifications", "api"), "scheduledFor", from.toString(),
                "scheduledUntil", from.plus(Duration.ofHours(3)).toString()), 200);
        Map<String, Object> edited = maintenance("/api/v2/scheduled-maintenances.json", id);
        assertThat(edited).containsEntry("name", "Database upgrade (extended)");
        assertThat(updates(edited)).hasSize(2).first().satisfies(u -> assertThat(u)
                .containsEntry("body", "Notifications may be delayed for up to 20 minutes."));

        assertThat(write(HttpMethod.POST, BASE + "/" + id + "/start", null, 200)).containsEntry("status", "in_progress")
                .containsEntry("updatedBy", TestTokens.WRITER_ID);
        Map<String, Object> active = maintenance("/api/v2/scheduled-maintenances/active.json", id);
        assertThat(active).containsEntry("status", "in_progress");
        assertThat(active.get("started_at")).isNotNull();
        assertThat(component("notifications")).containsEntry("status", "under_maintenance");
        assertThat(get("/")).contains("Maintenance in progress", "Under maintenance");
        assertThat(ids("/api/v2/scheduled-maintenances/upcoming.json")).doesNotContain(id);

        write(HttpMethod.POST, BASE + "/" + id + "/complete", null, 200);
        Map<String, Object> completed = maintenance("/api/v2/scheduled-maintenances.json", id);
        assertThat(completed).containsEntry("status", "completed");
        assertThat(completed.get("resolved_at")).isNotNull();
        assertThat(updates(completed).get(0)).containsEntry("status", "completed");
        assertThat(component("notifications")).containsEntry("status", "operational");
        assertThat(ids("/api/v2/scheduled-maintenances/active.json")).doesNotContain(id);
        assertThat(ids("/api/v2/summary.json")).doesNotContain(id);

        problem(HttpMethod.POST, BASE + "/" + id + "/start", null, 409, "status");
        problem(HttpMethod.POST, BASE + "/no-such-id/start", null, 404, null);

        Map<String, Object> cancelled = write(HttpMethod.POST, BASE, Map.of("title", "Search reindex",
                "components", List.of("search"), "scheduledFor", from.toString(),
                "scheduledUntil", from.plus(Duration.ofHours(1)).toString()), 201);
        assertThat(cancelled).containsEntry("message", "We will be performing scheduled maintenance on Search.");
        write(HttpMethod.DELETE, BASE + "/" + cancelled.get("id"), null, 200);
        for (String path : List.of("/", "/history.atom", "/api/v2/scheduled-maintenances.json",
                "/api/v2/scheduled-maintenances/upcoming.json", "/api/v2/summary.json")) {
            assertThat(get(path)).as(path).doesNotContain((String) cancelled.get("id"), "Search reindex");
        }
    }

    /** At its scheduled times by itself (the clock moved, not waited for); one announced with autoStart false waits. */
    @Test
    void startsAndCompletesByItselfAtTheScheduledTimes() {
        Instant from = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MINUTES);
        String until = from.plus(Duration.ofHours(1)).toString();
        String auto = (String) write(HttpMethod.POST, BASE, Map.of("title", "Payments provider switch",
                "components", List.of("checkout"), "scheduledFor", from.toString(), "scheduledUntil", until), 201)
                .get("id");
        String manual = (String) write(HttpMethod.POST, BASE, Map.of("title", "Manual window", "components",
                List.of("search"), "scheduledFor", from.toString(), "scheduledUntil", until, "autoStart", false), 201)
                .get("id");
        try {
            MovableClock.jump(Duration.ofDays(5).plusMinutes(1));
            await().atMost(Duration.ofSeconds(20)).until(() -> ids("/api/v2/scheduled-maintenances/active.json")
                    .contains(auto));
            assertThat(updates(maintenance("/api/v2/scheduled-maintenances/active.json", auto)).get(0))
                    .containsEntry("status", "in_progress");
            assertThat(ids("/api/v2/scheduled-maintenances/upcoming.json")).contains(manual).doesNotContain(auto);

            MovableClock.jump(Duration.ofHours(1));
            await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(
                    maintenance("/api/v2/scheduled-maintenances.json", auto).get("status")));
            assertThat(ids("/api/v2/scheduled-maintenances/upcoming.json")).contains(manual);
        } finally {
            MovableClock.reset();
            write(HttpMethod.DELETE, BASE + "/" + manual, null, 200);
        }
    }

    @Test
    void refusesBadMaintenanceNamingTheFieldAndChangesNothing() {
        Instant from = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        String until = from.plus(Duration.ofHours(1)).toString();
        problem(HttpMethod.POST, BASE, Map.of("title", "Window", "scheduledFor", from.toString(),
                "scheduledUntil", from.minusSeconds(60).toString()), 422, "scheduledUntil");
        problem(HttpMethod.POST, BASE, Map.of("title", "Window", "components", List.of("warp-drive"),
                "scheduledFor", from.toString(), "scheduledUntil", until), 422, "components");
        problem(HttpMethod.POST, BASE, Map.of("title", "  ", "scheduledFor", from.toString(), "scheduledUntil", until),
                422, "title");
        problem(HttpMethod.POST, BASE, Map.of("title", "Window", "message", "Call ops at jane.doe@example.com",
                "scheduledFor", from.toString(), "scheduledUntil", until), 422, "message");
        problem(HttpMethod.POST, BASE, Map.of("title", "Rotate ghp_abcdefghijklmnopqrstuvwxyz0123456789",
                "scheduledFor", from.toString(), "scheduledUntil", until), 422, "title");
        problem(HttpMethod.POST, BASE, Map.of("title", "Window", "scheduledUntil", until), 422, "scheduledFor");
        for (String malformed : List.of("{", "[]", "{\"title\": \"Window\", \"components\": \"search\"}",
                "{\"title\": \"Window\", \"scheduledFor\": \"tomorrow\", \"scheduledUntil\": \"" + until + "\"}",
                "{\"title\": 42, \"scheduledFor\": \"" + from + "\", \"scheduledUntil\": \"" + until + "\"}",
                "{\"title\": \"Window\", \"components\": [null], \"scheduledFor\": \"" + from
                        + "\", \"scheduledUntil\": \"" + until + "\"}")) {
            client.post().uri(BASE).header("Authorization", "Bearer " + TestTokens.WRITER)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(malformed).exchange()
                    .expectStatus().value(status -> assertThat(status).as(malformed).isBetween(400, 422))
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(get("/api/v2/scheduled-maintenances.json")).doesNotContain("Window", "jane.doe", "ghp_");

        client.post().uri(BASE).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "x")).exchange()
                .expectStatus().isUnauthorized();
        client.post().uri(BASE).header("Authorization", "Bearer " + TestTokens.READER)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "x")).exchange()
                .expectStatus().isForbidden();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> write(HttpMethod method, String path, Object body, int status) {
        var request = client.method(method).uri(path).header("Authorization", "Bearer " + TestTokens.WRITER);
        var response = body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        String text = response.expectStatus().isEqualTo(status).expectBody(String.class).returnResult()
                .getResponseBody();
        return PLAIN_JSON.readValue(text, Map.class);
    }

    private void problem(HttpMethod method, String path, Object body, int status, String field) {
        Map<String, Object> problem = write(method, path, body, status);
        assertThat(problem).containsKey("type");
        if (field != null) {
            assertThat(problem).containsEntry("field", field);
        }
    }

    private String get(String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> maintenances(String path) {
        return (List<Map<String, Object>>) PLAIN_JSON.readValue(get(path), Map.class).get("scheduled_maintenances");
    }

    private List<String> ids(String path) {
        return maintenances(path).stream().map(m -> (String) m.get("id")).toList();
    }

    private Map<String, Object> maintenance(String path, String id) {
        return maintenances(path).stream().filter(m -> id.equals(m.get("id"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> updates(Map<String, Object> maintenance) {
        return (List<Map<String, Object>>) maintenance.get("incident_updates");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> component(String id) {
        return ((List<Map<String, Object>>) PLAIN_JSON.readValue(get("/api/v2/components.json"), Map.class)
                .get("components")).stream().filter(c -> id.equals(c.get("id"))).findFirst().orElseThrow();
    }
}
