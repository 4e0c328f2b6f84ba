package io.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code firebreak incident close}: {@code POST /api/v1/incidents/{id}/close {debriefUrl?}}; a Major or Critical
 * incident is refused (409, field {@code debrief}) until its debrief is completed.
 */
class CloseCommandTest extends StandInCommandTest {

    static final String NOT_YET = "A MAJOR incident closes only after its debrief is completed (debrief-service: POST"
            + " /api/v1/incidents/" + INCIDENT_ID + "/debrief/complete); no completed debrief has arrived for it";

    @Test
    void closesWithTheDebriefsLink() {
        answers.put("POST " + INCIDENT_PATH + "/close", new ApiStandIn.Answer(200, incident().put("status", "CLOSED")
                .put("debriefUrl", "https://firebreak.example/debriefs/7").toString()));

        FirebreakCliTest.Result result = firebreak("incident", "close", "INC-7");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("INC-7 closed; debrief https://firebreak.example/debriefs/7",
                "Status:          CLOSED", "Debrief:         https://firebreak.example/debriefs/7");
        assertThat(command.writes()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo(INCIDENT_PATH + "/close");
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.source()).isEqualTo("CLI");
            assertThat(r.json()).isEqualTo(json("{}"));
        });
    }

    @Test
    void sendsTheDebriefUrlOfAMinorIncidentAndPrintsJson() {
        FirebreakCliTest.Result result = firebreak("incident", "close", "INC-7", "--debrief-url",
                "https://wiki.example/inc-7", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(json(result.out())).isEqualTo(incident());
        assertThat(command.writes().get(0).json()).isEqualTo(json("{\"debriefUrl\":\"https://wiki.example/inc-7\"}"));
    }

    @Test
    void saysPlainlyThatAMajorIncidentWaitsForItsDebrief() {
        answers.put("POST " + INCIDENT_PATH + "/close", ApiStandIn.problem(409, "Conflict", "rule-violated", NOT_YET,
                "debrief", "debrief-not-completed"));

        FirebreakCliTest.Result refused = firebreak("incident", "close", "INC-7");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("error: 409 " + NOT_YET + " (field: debrief)",
                "hint: INC-7 stays open until its debrief is completed in debrief-service");
    }

    @Test
    void printsTheProblemAsJsonWithJson() {
        answers.put("POST " + INCIDENT_PATH + "/close", ApiStandIn.problem(409, "Conflict", "rule-violated", NOT_YET,
                "debrief", "debrief-not-completed"));

        FirebreakCliTest.Result refused = firebreak("incident", "close", "INC-7", "--json");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(json(refused.out())).isEqualTo(json(ApiStandIn.problem(409, "Conflict", "rule-violated", NOT_YET,
                "debrief", "debrief-not-completed").body()));
        assertThat(refused.err()).contains("(field: debrief)");
    }

    @Test
    void otherRefusalsGetNoDebriefHint() {
        answers.put("POST " + INCIDENT_PATH + "/close", ApiStandIn.problem(409, "Conflict", "rule-violated",
                "Only a resolved incident can be closed; it is FIXING", "status", "incident-not-resolved"));

        FirebreakCliTest.Result refused = firebreak("incident", "close", "INC-7");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("409 Only a resolved incident can be closed; it is FIXING (field: status)")
                .doesNotContain("hint:");
    }
}
