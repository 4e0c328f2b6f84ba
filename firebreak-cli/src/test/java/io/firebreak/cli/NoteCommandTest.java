package io.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code firebreak incident note}: {@code POST /api/v1/incidents/{id}/notes {kind, text}}. */
class NoteCommandTest extends StandInCommandTest {

    @Test
    void addsANoteOfTheGivenKind() {
        FirebreakCliTest.Result result = firebreak("incident", "note", "INC-7", "Roll back deploy 42", "--kind",
                "decision");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Noted (decision) on INC-7");
        assertThat(command.writes()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo(INCIDENT_PATH + "/notes");
            assertThat(r.source()).isEqualTo("CLI");
            assertThat(r.json()).isEqualTo(json("{\"kind\":\"DECISION\",\"text\":\"Roll back deploy 42\"}"));
        });
    }

    @Test
    void everyKindInAnyCaseAndNoteByDefault() {
        for (String kind : new String[] {"Evidence", "HYPOTHESIS", "action", "note"}) {
            command.requests().clear();
            assertThat(firebreak("incident", "note", "INC-7", "x", "--kind", kind).exitCode()).isZero();
            assertThat(command.writes().get(0).json().path("kind").asText()).isEqualTo(kind.toUpperCase());
        }
        command.requests().clear();
        FirebreakCliTest.Result plain = firebreak("incident", "note", "INC-7", "Error rate back to 0.1%", "--json");
        assertThat(plain.exitCode()).isZero();
        assertThat(json(plain.out())).isEqualTo(incident());
        assertThat(command.writes().get(0).json().path("kind").asText()).isEqualTo("NOTE");
    }

    @Test
    void refusesAnUnknownKindBeforeAskingAndShowsTheApisProblem() {
        FirebreakCliTest.Result badKind = firebreak("incident", "note", "INC-7", "x", "--kind", "rumour");
        assertThat(badKind.exitCode()).isEqualTo(2);
        assertThat(badKind.err()).contains("decision, evidence, hypothesis, action, note");
        assertThat(command.requests()).isEmpty();

        answers.put("POST " + INCIDENT_PATH + "/notes", ApiStandIn.problem(409, "Conflict", "rule-violated",
                "The incident is closed; closed is final", null, "incident-closed"));
        FirebreakCliTest.Result closed = firebreak("incident", "note", "INC-7", "late thought");
        assertThat(closed.exitCode()).isEqualTo(1);
        assertThat(closed.err()).contains("error: 409 The incident is closed; closed is final");
    }
}
