package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the command tests: incident-command and notification-service stand-ins. incident-command knows one incident,
 * INC-7 (by reference or id), and answers every write to it with the incident; notification-service answers acks with
 * an escalation. A test sets other answers per {@code "METHOD path"} in {@link #answers}.
 */
abstract class StandInCommandTest {

    static final String INCIDENT_ID = "6f1c2d9e-0b7a-4c1e-9f6d-3a2b1c0d9e8f";
    static final String INCIDENT_PATH = "/api/v1/incidents/" + INCIDENT_ID;

    ApiStandIn command;
    ApiStandIn notification;
    final Map<String, ApiStandIn.Answer> answers = new ConcurrentHashMap<>();

    @BeforeEach
    void startStandIns() throws IOException {
        command = ApiStandIn.start(request -> {
            ApiStandIn.Answer set = answers.get(request.method() + " " + request.path());
            if (set != null) {
                return set;
            }
            if (request.path().equals("/api/v1/incidents/INC-7") || request.path().startsWith(INCIDENT_PATH)) {
                return new ApiStandIn.Answer(200, incident().toString());
            }
            return ApiStandIn.problem(404, "Not Found", "not-found", "No incident " + request.path()
                    .substring(request.path().lastIndexOf('/') + 1), null, null);
        });
        notification = ApiStandIn.start(request -> {
            ApiStandIn.Answer set = answers.get(request.method() + " " + request.path());
            return set != null ? set : new ApiStandIn.Answer(200, escalation().toString());
        });
    }

    @AfterEach
    void stopStandIns() {
        command.close();
        notification.close();
    }

    /** INC-7 as incident-command shows it (the fields the CLI reads). */
    static ObjectNode incident() {
        ObjectNode incident = ApiStandIn.JSON.createObjectNode().put("id", INCIDENT_ID).put("reference", "INC-7")
                .put("title", "Checkout down").put("severity", "MAJOR").put("reportedSeverity", "SEV2")
                .put("status", "RESOLVED").put("customerImpact", true).put("channelName", "inc-7-checkout-down")
                .put("declaredAt", "2026-11-25T02:23:41Z").put("version", 4);
        incident.putArray("affectedServices").add("checkout").add("payments");
        incident.putObject("roles").putObject("INCIDENT_LEAD").put("id", "avery").put("name", "Avery Kim");
        incident.putNull("debriefUrl");
        return incident;
    }

    /** An escalation as notification-service's PagingController answers an ack. */
    static ObjectNode escalation() {
        ObjectNode escalation = ApiStandIn.JSON.createObjectNode().put("state", "ACKNOWLEDGED").put("level", 0)
                .put("round", 0).put("policy", "payments").put("incidentId", INCIDENT_ID);
        escalation.putArray("pages").addObject().put("pageId", "p-1").put("level", 0).put("round", 0)
                .put("responderId", "blake").put("responderName", "Blake").put("state", "ACKNOWLEDGED")
                .put("acknowledgedBy", "Blake");
        escalation.putArray("pending");
        return escalation;
    }

    Map<String, String> env() {
        return Map.of("FIREBREAK_TOKEN", "tok-123", "FIREBREAK_URL", command.url(), "FIREBREAK_NOTIFICATION_URL",
                notification.url());
    }

    FirebreakCliTest.Result firebreak(String... args) {
        return FirebreakCliTest.firebreak(env(), args);
    }

    static JsonNode json(String text) {
        try {
            return ApiStandIn.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
