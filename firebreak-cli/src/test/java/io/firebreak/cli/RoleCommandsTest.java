package io.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code firebreak incident lead | comms | investigator}: {@code PUT /api/v1/incidents/{id}/roles/{role}
 * {assignee: {id, name, email?}}}.
 */
class RoleCommandsTest extends StandInCommandTest {

    /** incident-command's words when the lead would also own the investigation of a Major incident. */
    static final String DETAIL = "On a MAJOR incident the incident lead coordinates and does not also own the"
            + " investigation; Avery Kim is already INCIDENT_LEAD";

    @Test
    void eachCommandAssignsItsRole() {
        for (Map.Entry<String, String> command : Map.of("lead", "INCIDENT_LEAD", "comms", "COMMS_OWNER",
                "investigator", "INVESTIGATION_OWNER").entrySet()) {
            this.command.requests().clear();

            FirebreakCliTest.Result result = firebreak("incident", command.getKey(), "INC-7", "--id", "blake",
                    "--name", "Blake Ode", "--email", "blake@example.com");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("Blake Ode is ").contains(" of INC-7");
            assertThat(this.command.writes()).singleElement().satisfies(r -> {
                assertThat(r.method()).isEqualTo("PUT");
                assertThat(r.path()).isEqualTo(INCIDENT_PATH + "/roles/" + command.getValue());
                assertThat(r.authorization()).isEqualTo("Bearer tok-123");
                assertThat(r.source()).isEqualTo("CLI");
                assertThat(r.json()).isEqualTo(json(
                        "{\"assignee\":{\"id\":\"blake\",\"name\":\"Blake Ode\",\"email\":\"blake@example.com\"}}"));
            });
        }
    }

    @Test
    void leavesOutTheEmailWhenNotGivenAndShowsTheRolesWithJsonOrNot() {
        var withComms = incident();
        withComms.with("roles").putObject("COMMS_OWNER").put("id", "casey").put("name", "Casey Lin");
        answers.put("PUT " + INCIDENT_PATH + "/roles/COMMS_OWNER", new ApiStandIn.Answer(200, withComms.toString()));

        FirebreakCliTest.Result table = firebreak("incident", "comms", "INC-7", "--id", "casey", "--name", "Casey Lin");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Casey Lin is comms owner of INC-7", "Lead:", "Avery Kim", "Comms:", "Casey Lin");
        assertThat(command.writes().get(0).json())
                .isEqualTo(json("{\"assignee\":{\"id\":\"casey\",\"name\":\"Casey Lin\"}}"));

        FirebreakCliTest.Result asJson = firebreak("incident", "comms", "INC-7", "--id", "casey", "--name", "Casey Lin",
                "--json");
        assertThat(json(asJson.out())).isEqualTo(withComms);
    }

    @Test
    void showsTheConflictWhenOnePersonWouldWearTwoHats() {
        answers.put("PUT " + INCIDENT_PATH + "/roles/INVESTIGATION_OWNER", ApiStandIn.problem(409, "Conflict",
                "rule-violated", DETAIL, "assignee", "lead-must-not-investigate"));

        FirebreakCliTest.Result refused = firebreak("incident", "investigator", "INC-7", "--id", "avery", "--name",
                "Avery Kim", "--json");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("error: 409 " + DETAIL + " (field: assignee)");
        assertThat(json(refused.out()).path("rule").asText()).isEqualTo("lead-must-not-investigate");
    }

    @Test
    void investigatorWithAddJoinsTheInvestigatorsInsteadOfReplacingThem() {
        var withTwo = incident();
        withTwo.putArray("investigators").add(json("{\"id\":\"casey\",\"name\":\"Casey Lin\"}"))
                .add(json("{\"id\":\"blake\",\"name\":\"Blake Ode\"}"));
        answers.put("POST " + INCIDENT_PATH + "/roles/INVESTIGATION_OWNER/members",
                new ApiStandIn.Answer(200, withTwo.toString()));

        FirebreakCliTest.Result result = firebreak("incident", "investigator", "INC-7", "--id", "blake", "--name",
                "Blake Ode", "--add");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Blake Ode also investigates INC-7", "Investigators:   Casey Lin, Blake Ode");
        assertThat(command.writes()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo(INCIDENT_PATH + "/roles/INVESTIGATION_OWNER/members");
            assertThat(r.json()).isEqualTo(json("{\"assignee\":{\"id\":\"blake\",\"name\":\"Blake Ode\"}}"));
        });
        assertThat(firebreak("incident", "lead", "INC-7", "--id", "blake", "--name", "Blake Ode", "--add").exitCode())
                .as("only investigators are added").isEqualTo(2);
    }

    @Test
    void needsTheIdAndTheName() {
        assertThat(firebreak("incident", "lead", "INC-7", "--id", "avery").exitCode()).isEqualTo(2);
        assertThat(firebreak("incident", "lead", "INC-7", "--name", "Avery").exitCode()).isEqualTo(2);
        assertThat(command.requests()).isEmpty();
    }
}
