package io.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code firebreak incident open | declare | drill}: {@code POST /api/v1/incidents} with the type, drill, suspected
 * exposure, video bridge and force; a 409 {@code possible-duplicate} lists the candidates and asks "Declare anyway?"
 * on a terminal (then sends {@code force}), and elsewhere exits 1 suggesting {@code --force}.
 */
class DeclareCommandTest {

    static final String ID = "6f1c2d9e-0b7a-4c1e-9f6d-3a2b1c0d9e8f";
    static final String DUPLICATE = "This declaration resembles an open incident on the same services: INC-7"
            + " \"Checkout down\" (MAJOR, INVESTIGATING). Join it, declare with other words, or declare anyway"
            + " (\"force\": true in the API, --force in the CLI, Declare anyway in Slack)";

    ApiStandIn command;

    @BeforeEach
    void start() throws IOException {
        // incident-command as it answers declarations: a duplicate unless forced (when the test says so)
        command = ApiStandIn.start(request -> {
            if (duplicates && !request.json().path("force").asBoolean()) {
                return duplicateProblem();
            }
            return new ApiStandIn.Answer(201, declared(request.json().path("drill").asBoolean()).toString());
        });
    }

    @AfterEach
    void stop() {
        command.close();
    }

    boolean duplicates;

    @Test
    void sendsTheKindOfIncidentTheExposureAndTheBridge() {
        FirebreakCliTest.Result result = firebreak(Terminal.NONE, "incident", "declare", "--sev", "2", "--summary",
                "Card numbers in logs", "--type", "billing", "--exposure", "card-data", "--exposure", "personal-data",
                "--bridge", "https://meet.example.com/abc", "--service", "payments");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Declared INC-8 in #inc-2026-11-25-card-numbers-in-logs",
                "Type:            SECURITY", "Exposure:        CARD_DATA, PERSONAL_DATA",
                "Video bridge:    https://meet.example.com/abc");
        assertThat(command.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/api/v1/incidents");
            assertThat(r.source()).isEqualTo("CLI");
            assertThat(r.json()).isEqualTo(StandInCommandTest.json("{\"title\":\"Card numbers in logs\","
                    + "\"severity\":\"SEV2\",\"customerImpact\":false,\"affectedServices\":[\"payments\"],"
                    + "\"type\":\"billing\",\"suspectedExposure\":[\"card-data\",\"personal-data\"],"
                    + "\"videoBridgeUrl\":\"https://meet.example.com/abc\"}"));
        });
    }

    @Test
    void drillIsOpenWithDrillAndSaysDrillEverywhere() {
        FirebreakCliTest.Result drill = firebreak(Terminal.NONE, "incident", "drill", "--sev", "major", "--summary",
                "Game day: checkout failover");
        FirebreakCliTest.Result open = firebreak(Terminal.NONE, "incident", "open", "--drill", "--sev", "major",
                "--summary", "Game day: checkout failover", "--json");

        assertThat(drill.exitCode()).as(drill.err()).isZero();
        assertThat(drill.out()).contains("Declared DRILL INC-8 in #drill-2026-11-25-game-day-checkout-failover",
                "Reference:       INC-8 (DRILL)", "Type:            ENGINEERING, DRILL");
        assertThat(open.exitCode()).isZero();
        assertThat(StandInCommandTest.json(open.out()).path("drill").asBoolean()).isTrue();
        assertThat(command.requests()).hasSize(2).allSatisfy(r -> assertThat(r.json().path("drill").asBoolean())
                .isTrue());
    }

    @Test
    void withoutATerminalADuplicateIsListedAndRefusedWithAHintToForce() {
        duplicates = true;

        FirebreakCliTest.Result refused = firebreak(Terminal.NONE, "incident", "open", "--sev", "2", "--summary",
                "Checkout is down", "--service", "checkout");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("Open incidents that look like this one:",
                "REFERENCE  SEVERITY  STATUS         TITLE", "INC-7      MAJOR     INVESTIGATING  Checkout down",
                "error: 409 " + DUPLICATE + " (field: title)", "hint: join one of them, or declare anyway with --force")
                .doesNotContain("Declare anyway?");
        assertThat(command.requests()).hasSize(1);
    }

    @Test
    void onATerminalYesDeclaresAnywayWithForce() {
        duplicates = true;

        FirebreakCliTest.Result result = firebreak(answering("y"), "incident", "open", "--sev", "2", "--summary",
                "Checkout is down", "--service", "checkout");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("INC-7      MAJOR     INVESTIGATING  Checkout down", "Declare anyway? [y/N]");
        assertThat(result.out()).contains("Declared INC-8");
        assertThat(command.requests()).hasSize(2);
        assertThat(command.requests().get(0).json().has("force")).isFalse();
        assertThat(command.requests().get(1).json().path("force").asBoolean()).isTrue();
        assertThat(command.requests().get(1).json().path("title").asText()).isEqualTo("Checkout is down");
    }

    @Test
    void onATerminalAnythingButYesDeclaresNothing() {
        duplicates = true;
        for (String answer : new String[] {"", "n", "nope"}) {
            command.requests().clear();

            FirebreakCliTest.Result declined = firebreak(answering(answer), "incident", "open", "--sev", "2",
                    "--summary", "Checkout is down", "--service", "checkout");

            assertThat(declined.exitCode()).isEqualTo(1);
            assertThat(declined.err()).contains("Declare anyway? [y/N]", "error: not declared; join one of the"
                    + " incidents above, or declare anyway with --force");
            assertThat(command.requests()).hasSize(1);
        }
    }

    @Test
    void forceSkipsTheQuestionAndJsonPrintsTheProblem() {
        duplicates = true;

        FirebreakCliTest.Result forced = firebreak(answering(), "incident", "open", "--sev", "2", "--summary",
                "Checkout is down", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(command.requests()).singleElement()
                .satisfies(r -> assertThat(r.json().path("force").asBoolean()).isTrue());

        FirebreakCliTest.Result asJson = firebreak(answering("y"), "incident", "open", "--sev", "2", "--summary",
                "Checkout is down", "--json");
        assertThat(asJson.exitCode()).isEqualTo(1);
        assertThat(StandInCommandTest.json(asJson.out()).path("candidates").get(0).path("reference").asText())
                .isEqualTo("INC-7");
        assertThat(asJson.err()).doesNotContain("Declare anyway?").contains("hint: declare anyway with --force");
    }

    private FirebreakCliTest.Result firebreak(Terminal terminal, String... args) {
        return FirebreakCliTest.firebreakAt(terminal, Map.of("FIREBREAK_TOKEN", "tok-123", "FIREBREAK_URL",
                command.url()), args);
    }

    /** A person at a terminal who types these lines, one per question. */
    private static Terminal answering(String... lines) {
        Deque<String> typed = new ArrayDeque<>(List.of(lines));
        return new Terminal() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public String readLine() {
                return typed.poll();
            }
        };
    }

    private static ApiStandIn.Answer duplicateProblem() {
        ObjectNode problem = ApiStandIn.JSON.createObjectNode().put("type", "https://firebreak.dev/problems/rule-violated")
                .put("title", "Conflict").put("status", 409).put("detail", DUPLICATE).put("field", "title")
                .put("rule", "possible-duplicate");
        problem.putArray("candidates").addObject().put("id", ID).put("reference", "INC-7").put("title", "Checkout down")
                .put("severity", "MAJOR").put("status", "INVESTIGATING");
        return new ApiStandIn.Answer(409, problem.toString());
    }

    /** The declared incident as incident-command answers (the fields the CLI reads). */
    private static ObjectNode declared(boolean drill) {
        ObjectNode incident = StandInCommandTest.incident().put("reference", "INC-8").put("status", "INVESTIGATING")
                .put("drill", drill).put("channelName", drill ? "drill-2026-11-25-game-day-checkout-failover"
                        : "inc-2026-11-25-card-numbers-in-logs");
        if (drill) {
            incident.put("type", "ENGINEERING");
        } else {
            incident.put("type", "SECURITY").put("videoBridgeUrl", "https://meet.example.com/abc");
            incident.putArray("suspectedExposure").add("CARD_DATA").add("PERSONAL_DATA");
        }
        return incident;
    }
}
