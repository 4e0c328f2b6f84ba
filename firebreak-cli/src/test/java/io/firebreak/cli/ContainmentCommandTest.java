package io.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * {@code firebreak incident containment | identified | bridge}: {@code POST …/{id}/containment {lever, outcome,
 * note}}, {@code POST …/{id}/identified {cause}}, {@code PUT …/{id}/video-bridge {url}}; the API's 409 when a lever
 * comes before its turn.
 */
class ContainmentCommandTest extends StandInCommandTest {

    static final String OUT_OF_ORDER = "Containment levers are recorded in order (FEATURE_FLAG_OFF, DEPLOY_ROLLBACK,"
            + " MIGRATION_ROLLBACK, DATA_CORRECTION): record FEATURE_FLAG_OFF before DEPLOY_ROLLBACK, or mark it"
            + " NOT_APPLICABLE with a note saying why";

    @Test
    void recordsAStepAndShowsTheChecklist() {
        answers.put("POST " + INCIDENT_PATH + "/containment", new ApiStandIn.Answer(200, withChecklist().toString()));

        FirebreakCliTest.Result result = firebreak("incident", "containment", "INC-7", "feature-flag-off",
                "not-applicable", "--note", "No flag guards checkout");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Containment of INC-7:", "LEVER", "FEATURE_FLAG_OFF    NOT_APPLICABLE",
                "Tess Writer", "No flag guards checkout", "DEPLOY_ROLLBACK     pending");
        assertThat(command.writes()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo(INCIDENT_PATH + "/containment");
            assertThat(r.source()).isEqualTo("CLI");
            assertThat(r.json()).isEqualTo(json("{\"lever\":\"feature-flag-off\",\"outcome\":\"not-applicable\","
                    + "\"note\":\"No flag guards checkout\"}"));
        });

        FirebreakCliTest.Result asJson = firebreak("incident", "containment", "INC-7", "feature-flag-off", "contained",
                "--json");
        assertThat(json(asJson.out())).isEqualTo(withChecklist());
        assertThat(command.writes().get(1).json()).isEqualTo(json("{\"lever\":\"feature-flag-off\","
                + "\"outcome\":\"contained\"}"));
    }

    @Test
    void showsTheApisRefusalOfALeverBeforeItsTurn() {
        answers.put("POST " + INCIDENT_PATH + "/containment", ApiStandIn.problem(409, "Conflict", "rule-violated",
                OUT_OF_ORDER, "lever", "containment-out-of-order"));

        FirebreakCliTest.Result refused = firebreak("incident", "containment", "INC-7", "deploy-rollback", "contained");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("error: 409 " + OUT_OF_ORDER + " (field: lever)");
    }

    @Test
    void recordsTheCauseAndTheBridge() {
        answers.put("POST " + INCIDENT_PATH + "/identified", new ApiStandIn.Answer(200, incident()
                .put("identifiedAt", "2026-11-25T02:40:00Z").put("cause", "Deploy 42 dropped a timeout").toString()));
        answers.put("PUT " + INCIDENT_PATH + "/video-bridge", new ApiStandIn.Answer(200, incident()
                .put("videoBridgeUrl", "https://meet.example.com/abc").toString()));

        FirebreakCliTest.Result identified = firebreak("incident", "identified", "INC-7", "Deploy 42 dropped a timeout");
        FirebreakCliTest.Result bridge = firebreak("incident", "bridge", "INC-7", "https://meet.example.com/abc");

        assertThat(identified.exitCode()).as(identified.err()).isZero();
        assertThat(identified.out()).contains("INC-7 identified: Deploy 42 dropped a timeout",
                "Identified:      2026-11-25T02:40:00Z: Deploy 42 dropped a timeout");
        assertThat(bridge.exitCode()).as(bridge.err()).isZero();
        assertThat(bridge.out()).contains("Video bridge of INC-7: https://meet.example.com/abc",
                "Video bridge:    https://meet.example.com/abc");
        assertThat(command.writes()).hasSize(2);
        assertThat(command.writes().get(0).json()).isEqualTo(json("{\"cause\":\"Deploy 42 dropped a timeout\"}"));
        assertThat(command.writes().get(1).method()).isEqualTo("PUT");
        assertThat(command.writes().get(1).path()).isEqualTo(INCIDENT_PATH + "/video-bridge");
        assertThat(command.writes().get(1).json()).isEqualTo(json("{\"url\":\"https://meet.example.com/abc\"}"));
    }

    @Test
    void showsTheApisRefusalOfAPlainHttpBridge() {
        answers.put("PUT " + INCIDENT_PATH + "/video-bridge", ApiStandIn.problem(422, "Unprocessable Entity",
                "invalid-field", "'url' must be an absolute https URL", "url", null));

        FirebreakCliTest.Result refused = firebreak("incident", "bridge", "INC-7", "http://meet.example.com/abc",
                "--json");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("error: 422 'url' must be an absolute https URL (field: url)");
        assertThat(json(refused.out()).path("field").asText()).isEqualTo("url");
    }

    /** INC-7 with FEATURE_FLAG_OFF recorded as NOT_APPLICABLE, the other levers pending. */
    static ObjectNode withChecklist() {
        ObjectNode incident = incident();
        ArrayNode steps = incident.putArray("containment");
        ObjectNode first = steps.addObject().put("lever", "FEATURE_FLAG_OFF").put("pending", false)
                .put("outcome", "NOT_APPLICABLE").put("note", "No flag guards checkout")
                .put("recordedAt", "2026-11-25T02:30:00Z").put("attempts", 1);
        first.putObject("recordedBy").put("id", "u-tess").put("displayName", "Tess Writer").put("kind", "HUMAN");
        for (String lever : new String[] {"DEPLOY_ROLLBACK", "MIGRATION_ROLLBACK", "DATA_CORRECTION"}) {
            steps.addObject().put("lever", lever).put("pending", true).putNull("outcome").put("attempts", 0);
        }
        return incident;
    }
}
