package io.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code firebreak incident impact}: {@code POST /api/v1/incidents/{id}/customer-impact {customerImpact,
 * affectedServices}}. The API replaces the services, so without {@code --service} the CLI sends the incident's own.
 */
class ImpactCommandTest extends StandInCommandTest {

    @Test
    void setsCustomerImpactAndReplacesTheServices() {
        FirebreakCliTest.Result result = firebreak("incident", "impact", "INC-7", "--customer-impact", "--service",
                "checkout", "--service", "search");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("INC-7: customers see the impact");
        assertThat(command.writes()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo(INCIDENT_PATH + "/customer-impact");
            assertThat(r.source()).isEqualTo("CLI");
            assertThat(r.json()).isEqualTo(
                    json("{\"customerImpact\":true,\"affectedServices\":[\"checkout\",\"search\"]}"));
        });
    }

    @Test
    void keepsTheIncidentsServicesWhenNoneAreGiven() {
        answers.put("POST " + INCIDENT_PATH + "/customer-impact",
                new ApiStandIn.Answer(200, incident().put("customerImpact", false).toString()));

        FirebreakCliTest.Result result = firebreak("incident", "impact", "INC-7", "--no-customer-impact", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(json(result.out()).path("customerImpact").asBoolean()).isFalse();
        assertThat(command.writes()).singleElement().satisfies(r -> assertThat(r.json()).isEqualTo(
                json("{\"customerImpact\":false,\"affectedServices\":[\"checkout\",\"payments\"]}")));
    }

    @Test
    void needsAYesOrNoAndShowsTheApisProblem() {
        assertThat(firebreak("incident", "impact", "INC-7", "--service", "checkout").exitCode()).isEqualTo(2);
        assertThat(command.requests()).isEmpty();

        answers.put("POST " + INCIDENT_PATH + "/customer-impact", ApiStandIn.problem(409, "Conflict", "rule-violated",
                "Customer impact and affected services are already as given", "customerImpact",
                "customer-impact-unchanged"));
        FirebreakCliTest.Result refused = firebreak("incident", "impact", "INC-7", "--customer-impact");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("409 Customer impact and affected services are already as given"
                + " (field: customerImpact)");
    }
}
