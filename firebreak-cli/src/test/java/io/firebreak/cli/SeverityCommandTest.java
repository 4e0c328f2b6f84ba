package io.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code firebreak incident sev}: {@code POST /api/v1/incidents/{id}/severity {severity, reason}}. */
class SeverityCommandTest extends StandInCommandTest {

    @Test
    void changesTheSeverityOfTheReferencedIncident() {
        answers.put("POST " + INCIDENT_PATH + "/severity",
                new ApiStandIn.Answer(200, incident().put("severity", "CRITICAL").toString()));

        FirebreakCliTest.Result result = firebreak("incident", "sev", "INC-7", "1", "--reason", "All card payments fail");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("INC-7 is now CRITICAL", "Severity:        CRITICAL");
        assertThat(command.requests().get(0).path()).isEqualTo("/api/v1/incidents/INC-7");
        assertThat(command.writes()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo(INCIDENT_PATH + "/severity");
            assertThat(r.authorization()).isEqualTo("Bearer tok-123");
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.source()).isEqualTo("CLI");
            assertThat(r.json()).isEqualTo(json("{\"severity\":\"SEV1\",\"reason\":\"All card payments fail\"}"));
        });
    }

    @Test
    void sendsOtherSpellingsAsTypedAndNoReasonWhenNoneIsGivenAndPrintsJson() {
        FirebreakCliTest.Result result = firebreak("incident", "sev", INCIDENT_ID, "critical", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(json(result.out())).isEqualTo(incident());
        assertThat(command.writes()).singleElement()
                .satisfies(r -> assertThat(r.json()).isEqualTo(json("{\"severity\":\"critical\"}")));
    }

    @Test
    void showsTheApisProblemWhenLoweringWithoutAReason() {
        answers.put("POST " + INCIDENT_PATH + "/severity", ApiStandIn.problem(422, "Unprocessable Content",
                "invalid-field", "'reason' is required", "reason", null));

        FirebreakCliTest.Result refused = firebreak("incident", "sev", "INC-7", "3");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("error: 422 'reason' is required (field: reason)");
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void needsAnIncidentThatExistsAndASeverity() {
        FirebreakCliTest.Result unknown = firebreak("incident", "sev", "INC-8", "1");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("404 No incident INC-8");
        assertThat(firebreak("incident", "sev", "INC-7").exitCode()).isEqualTo(2);
        assertThat(command.writes()).isEmpty();
    }
}
