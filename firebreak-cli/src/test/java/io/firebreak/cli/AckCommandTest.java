package io.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code firebreak incident ack}: notification-service's {@code POST /api/v1/pages/{pageId}/ack}, or {@code POST
 * /api/v1/incidents/{id}/ack} for the incident's newest page; the acknowledger is the token's person.
 */
class AckCommandTest extends StandInCommandTest {

    @Test
    void acknowledgesAPageByIdAtNotificationService() {
        FirebreakCliTest.Result result = firebreak("incident", "ack", "--page", "p-1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Acknowledged page p-1; escalation ACKNOWLEDGED", "Blake", "p-1");
        assertThat(command.requests()).as("a page id needs no incident lookup").isEmpty();
        assertThat(notification.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/api/v1/pages/p-1/ack");
            assertThat(r.authorization()).isEqualTo("Bearer tok-123");
            assertThat(r.json()).as("the body names no one").isEqualTo(json("{}"));
        });
    }

    @Test
    void acknowledgesTheIncidentsNewestPageByReferenceAndPrintsJson() {
        FirebreakCliTest.Result result = firebreak("incident", "ack", "INC-7", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(json(result.out())).isEqualTo(escalation());
        assertThat(command.requests()).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/api/v1/incidents/INC-7"));
        assertThat(notification.requests()).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo(INCIDENT_PATH + "/ack"));
    }

    @Test
    void showsTheServicesProblemAndNeedsExactlyOnePage() {
        answers.put("POST /api/v1/pages/p-9/ack", ApiStandIn.problem(404, "Not Found", "not-found",
                "No page with this id", null, null));
        FirebreakCliTest.Result unknown = firebreak("incident", "ack", "--page", "p-9", "--json");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("error: 404 No page with this id");
        assertThat(json(unknown.out()).path("type").asText()).endsWith("/not-found");

        notification.requests().clear();
        assertThat(firebreak("incident", "ack").exitCode()).isEqualTo(2);
        assertThat(firebreak("incident", "ack", "INC-7", "--page", "p-1").exitCode()).isEqualTo(2);
        assertThat(notification.requests()).isEmpty();

        FirebreakCliTest.Result down = FirebreakCliTest.firebreak(Map.of("FIREBREAK_TOKEN", "t",
                "FIREBREAK_NOTIFICATION_URL", "http://127.0.0.1:9"), "incident", "ack", "--page", "p-1");
        assertThat(down.exitCode()).isEqualTo(3);
        assertThat(down.err()).contains("is notification-service running? Set FIREBREAK_NOTIFICATION_URL");
    }
}
