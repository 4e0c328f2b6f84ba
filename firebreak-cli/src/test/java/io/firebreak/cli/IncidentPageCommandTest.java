package io.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code firebreak incident page} against two local stand-ins that answer as the services do and record what the
 * CLI sent: incident-command resolves {@code INC-7} to the incident's id, notification-service takes the page at
 * {@code POST /api/v1/incidents/{id}/pages} (the request shape of notification-service's OnDemandPagesController).
 */
class IncidentPageCommandTest {

    static final String INCIDENT_ID = "6f1c2d9e-0b7a-4c1e-9f6d-3a2b1c0d9e8f";
    static final ObjectMapper JSON = new ObjectMapper();

    ApiStandIn command;
    ApiStandIn notification;

    @BeforeEach
    void start() throws IOException {
        command = ApiStandIn.start(request -> request.path().equals("/api/v1/incidents/INC-7")
                ? new ApiStandIn.Answer(200, "{\"id\":\"" + INCIDENT_ID + "\",\"reference\":\"INC-7\",\"title\":\"Checkout down\"}")
                : new ApiStandIn.Answer(404, "{\"type\":\"https://firebreak.dev/problems/not-found\",\"status\":404,"
                        + "\"detail\":\"No incident with this reference\"}"));
        notification = ApiStandIn.start(request -> {
            JsonNode body = request.json();
            if (!body.path("target").path("kind").isTextual()) {
                return new ApiStandIn.Answer(422, "{\"status\":422,\"detail\":\"'target.kind' is required\",\"field\":\"target.kind\"}");
            }
            if (body.path("target").path("id").asText().equals("nobody")) {
                return new ApiStandIn.Answer(422, "{\"status\":422,\"detail\":\"names no team\",\"field\":\"target.id\"}");
            }
            return new ApiStandIn.Answer(201, "{\"incidentId\":\"" + INCIDENT_ID + "\",\"pages\":["
                    + "{\"pageId\":\"p-1\",\"responderId\":\"avery\",\"responderName\":\"Avery\",\"via\":\"payments-primary\"},"
                    + "{\"pageId\":\"p-2\",\"responderId\":\"em-payments\",\"responderName\":\"Pat\",\"via\":null}]}");
        });
    }

    @AfterEach
    void stop() {
        command.close();
        notification.close();
    }

    @Test
    void pagesATeamThroughNotificationServiceForTheIncidentsId() throws IOException {
        FirebreakCliTest.Result result = FirebreakCliTest.firebreak(env(), "incident", "page", "INC-7", "--team",
                "payments", "--message", "Card payments fail after deploy 42");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Paged 2 for INC-7", "Avery", "payments-primary", "Pat", "p-2");
        assertThat(command.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.authorization()).isEqualTo("Bearer tok-123");
        });
        assertThat(notification.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/api/v1/incidents/" + INCIDENT_ID + "/pages");
            assertThat(r.authorization()).isEqualTo("Bearer tok-123");
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree(
                    "{\"target\":{\"kind\":\"TEAM\",\"id\":\"payments\"},\"message\":\"Card payments fail after deploy 42\"}"));
        });
    }

    @Test
    void eachTargetOptionNamesItsKindAndJsonPrintsTheAnswer() throws IOException {
        for (Map.Entry<String, String> option : Map.of("--person", "PERSON", "--schedule", "SCHEDULE", "--service",
                "SERVICE").entrySet()) {
            notification.requests().clear();
            FirebreakCliTest.Result result = FirebreakCliTest.firebreak(env(), "incident", "page", "INC-7",
                    option.getKey(), "x1", "--json");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(JSON.readTree(result.out()).path("pages").size()).isEqualTo(2);
            JsonNode sent = notification.requests().get(0).json();
            assertThat(sent.path("target").path("kind").asText()).isEqualTo(option.getValue());
            assertThat(sent.path("target").path("id").asText()).isEqualTo("x1");
            assertThat(sent.has("message")).as("no message, no field").isFalse();
        }
    }

    @Test
    void refusesNoTargetOrTwoAndShowsTheServicesProblem() {
        assertThat(FirebreakCliTest.firebreak(env(), "incident", "page", "INC-7").exitCode()).isEqualTo(2);
        assertThat(FirebreakCliTest.firebreak(env(), "incident", "page", "INC-7", "--team", "a", "--person", "b")
                .exitCode()).isEqualTo(2);
        assertThat(notification.requests()).isEmpty();

        FirebreakCliTest.Result refused = FirebreakCliTest.firebreak(env(), "incident", "page", "INC-7", "--team",
                "nobody");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("422 names no team (field: target.id)");

        FirebreakCliTest.Result unknown = FirebreakCliTest.firebreak(env(), "incident", "page", "INC-8", "--team", "x");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("404 No incident with this reference");

        FirebreakCliTest.Result down = FirebreakCliTest.firebreak(Map.of("FIREBREAK_TOKEN", "tok-123", "FIREBREAK_URL",
                command.url(), "FIREBREAK_NOTIFICATION_URL", "http://127.0.0.1:9"), "incident", "page", "INC-7",
                "--team", "payments");
        assertThat(down.exitCode()).isEqualTo(3);
        assertThat(down.err()).contains("is notification-service running? Set FIREBREAK_NOTIFICATION_URL");
    }

    private Map<String, String> env() {
        return Map.of("FIREBREAK_TOKEN", "tok-123", "FIREBREAK_URL", command.url(), "FIREBREAK_NOTIFICATION_URL",
                notification.url() + "/");
    }
}
