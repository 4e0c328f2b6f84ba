package io.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * {@code firebreak incident publish | hide | wording | component | customer-email} and {@code update
 * --what-you-can-do} (issue 17): the request each sends, what it prints, and the API's refusals.
 */
class StatusPageCommandsTest extends StandInCommandTest {

    static ObjectNode published() {
        ObjectNode incident = incident();
        ObjectNode page = incident.putObject("statusPage").put("published", true).put("hidden", false)
                .put("publicTitle", "Card payments are failing").put("publicMessage", "Some payments fail.")
                .put("customerEmailSentAt", "2026-11-25T02:50:00Z");
        page.putObject("components").put("checkout", "DEGRADED_PERFORMANCE");
        return incident;
    }

    @Test
    void publishesWithPublicWordingAndShowsTheStatusPage() {
        answers.put("POST " + INCIDENT_PATH + "/status-page/publish", new ApiStandIn.Answer(200,
                published().toString()));

        FirebreakCliTest.Result result = firebreak("incident", "publish", "INC-7", "--title",
                "Card payments are failing", "--message", "Some payments fail.");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("INC-7 is published on the status page",
                "Status page:     published by hand", "Public title:    Card payments are failing",
                "Public message:  Some payments fail.", "Components:      checkout DEGRADED_PERFORMANCE",
                "Customer e-mail: sent 2026-11-25T02:50:00Z");
        assertThat(command.writes()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo(INCIDENT_PATH + "/status-page/publish");
            assertThat(r.json()).isEqualTo(json("{\"publicTitle\":\"Card payments are failing\","
                    + "\"publicMessage\":\"Some payments fail.\"}"));
        });
    }

    @Test
    void hidesEditsWordingAndSendsTheCustomerEmail() {
        assertThat(firebreak("incident", "hide", "INC-7", "--reason", "Wrong component").exitCode()).isZero();
        assertThat(firebreak("incident", "wording", "INC-7", "--message", "Payments recover.").exitCode()).isZero();
        FirebreakCliTest.Result email = firebreak("incident", "customer-email", "INC-7");
        assertThat(email.exitCode()).as(email.err()).isZero();
        assertThat(email.out()).contains("Customer e-mail sent for INC-7");
        assertThat(firebreak("incident", "customer-email", "INC-7", "--subject", "Payments restored", "--message",
                "All good.").exitCode()).isZero();

        assertThat(command.writes()).extracting(ApiStandIn.Request::method, ApiStandIn.Request::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", INCIDENT_PATH + "/status-page/hide"),
                        org.assertj.core.groups.Tuple.tuple("PUT", INCIDENT_PATH + "/status-page/wording"),
                        org.assertj.core.groups.Tuple.tuple("POST", INCIDENT_PATH + "/customer-email"),
                        org.assertj.core.groups.Tuple.tuple("POST", INCIDENT_PATH + "/customer-email"));
        assertThat(command.writes().get(0).json()).isEqualTo(json("{\"reason\":\"Wrong component\"}"));
        assertThat(command.writes().get(1).json()).isEqualTo(json("{\"publicMessage\":\"Payments recover.\"}"));
        assertThat(command.writes().get(2).json()).isEqualTo(json("{}"));
        assertThat(command.writes().get(3).json()).isEqualTo(json("{\"subject\":\"Payments restored\","
                + "\"message\":\"All good.\"}"));
    }

    @Test
    void wordingNeedsATitleOrAMessage() {
        FirebreakCliTest.Result result = firebreak("incident", "wording", "INC-7");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("give --title, --message or both");
        assertThat(command.writes()).isEmpty();
    }

    @Test
    void setsAComponentStatusSpelledAsPeopleSayIt() {
        String[][] spellings = {{"degraded_performance", "DEGRADED_PERFORMANCE"}, {"Degraded", "DEGRADED_PERFORMANCE"},
                {"partial", "PARTIAL_OUTAGE"}, {"MAJOR", "MAJOR_OUTAGE"}, {"maintenance", "UNDER_MAINTENANCE"},
                {"under-maintenance", "UNDER_MAINTENANCE"}, {"operational", "OPERATIONAL"}};
        for (String[] spelling : spellings) {
            FirebreakCliTest.Result result = firebreak("incident", "component", "INC-7", "checkout", spelling[0]);
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("checkout is " + spelling[1] + " on the status page for INC-7");
        }
        assertThat(command.writes()).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("PUT");
            assertThat(r.path()).isEqualTo(INCIDENT_PATH + "/status-page/components/checkout");
        });
        assertThat(command.writes()).extracting(r -> r.json().path("status").asText())
                .containsExactly("DEGRADED_PERFORMANCE", "DEGRADED_PERFORMANCE", "PARTIAL_OUTAGE", "MAJOR_OUTAGE",
                        "UNDER_MAINTENANCE", "UNDER_MAINTENANCE", "OPERATIONAL");

        FirebreakCliTest.Result unknown = firebreak("incident", "component", "INC-7", "checkout", "on-fire");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("STATUS must be operational, degraded, partial, major or maintenance");
    }

    @Test
    void showsTheApisRefusalToPublishADrill() {
        answers.put("POST " + INCIDENT_PATH + "/status-page/publish", ApiStandIn.problem(409, "Conflict",
                "rule-violated", "This incident is a drill: drills are never public", null, "drill-never-public"));

        FirebreakCliTest.Result refused = firebreak("incident", "publish", "INC-7");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("error: 409 This incident is a drill: drills are never public");
    }

    @Test
    void aCustomerUpdateSaysWhatCustomersCanDo() {
        ObjectNode answered = incident();
        answered.putObject("latestUpdate").put("whatIsHappening", "Card payments fail")
                .put("whatYouCanDo", "Pay by bank transfer");
        answers.put("POST " + INCIDENT_PATH + "/updates", new ApiStandIn.Answer(200, answered.toString()));

        FirebreakCliTest.Result result = firebreak("incident", "update", "INC-7", "--customer", "--happening",
                "Card payments fail", "--affected", "Card payers", "--doing", "Rolling back", "--what-you-can-do",
                "Pay by bank transfer");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("What you can do: Pay by bank transfer");
        assertThat(command.writes()).singleElement().satisfies(r -> assertThat(r.json().path("whatYouCanDo").asText())
                .isEqualTo("Pay by bank transfer"));
    }
}
