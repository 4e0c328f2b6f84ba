package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The comms owner's status page controls (issue 17): {@code firebreak incident publish | hide | wording | component |
 * customer-email}, each one request to incident-command under {@code /api/v1/incidents/{id}}. They need a token with
 * {@code incidents:write} or {@code statuspage:write}.
 */
final class StatusPageCommands {

    private StatusPageCommands() {
    }

    /** {@code POST …/status-page/publish {publicTitle?, publicMessage?}}. */
    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"Publish the incident on the public status page now.",
                    "Without --title/--message the current public wording stays. Drills are never published;",
                    "the public title may not be the internal title."})
    static class Publish extends IncidentCommands.ApiCommand {

        @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
        String reference;

        @Option(names = "--title", description = "The public title (at most 200 characters).")
        String title;

        @Option(names = "--message", description = "The public message (at most 5000 characters).")
        String message;

        @Override
        public void run() {
            ApiClient api = api();
            JsonNode incident = api.post(page(api, reference) + "/publish", wording(title, message));
            print(incident, incident.path("reference").asText() + " is published on the status page");
        }
    }

    /** {@code POST …/status-page/hide {reason?}}. */
    @Command(name = "hide", mixinStandardHelpOptions = true,
            description = {"Take the incident off the public status page until it is published again."})
    static class Hide extends IncidentCommands.ApiCommand {

        @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
        String reference;

        @Option(names = "--reason", description = "Why (internal: the timeline shows it, the page never does).")
        String reason;

        @Override
        public void run() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (reason != null) {
                body.put("reason", reason);
            }
            ApiClient api = api();
            JsonNode incident = api.post(page(api, reference) + "/hide", body);
            print(incident, incident.path("reference").asText() + " is hidden from the status page");
        }
    }

    /** {@code PUT …/status-page/wording {publicTitle?, publicMessage?}}. */
    @Command(name = "wording", mixinStandardHelpOptions = true,
            description = {"Edit what the public status page says about the incident (--title, --message or both)."})
    static class Wording extends IncidentCommands.ApiCommand {

        @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
        String reference;

        @Option(names = "--title", description = "The public title (at most 200 characters).")
        String title;

        @Option(names = "--message", description = "The public message (at most 5000 characters).")
        String message;

        @Override
        public void run() {
            if (title == null && message == null) {
                throw new CliException(CliException.CONFIGURATION, "give --title, --message or both");
            }
            ApiClient api = api();
            JsonNode incident = api.put(page(api, reference) + "/wording", wording(title, message));
            print(incident, "Public wording of " + incident.path("reference").asText() + " edited");
        }
    }

    /** {@code PUT …/status-page/components/{component} {status}}. */
    @Command(name = "component", mixinStandardHelpOptions = true,
            description = {"Set a public component's status for the incident.",
                    "Statuses: operational, degraded(-performance), partial(-outage), major(-outage),"
                            + " (under-)maintenance.",
                    "The component is the status page's id (e.g. checkout); the page ignores ids it does not have."})
    static class Component extends IncidentCommands.ApiCommand {

        @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
        String reference;

        @Parameters(index = "1", paramLabel = "COMPONENT", description = "The status page's component id.")
        String component;

        @Parameters(index = "2", paramLabel = "STATUS", description = "operational, degraded, partial, major or"
                + " maintenance (or the full names).")
        String status;

        @Override
        public void run() {
            String statusName = componentStatus(status);
            ApiClient api = api();
            JsonNode incident = api.put(page(api, reference) + "/components/" + component, Map.of("status", statusName));
            print(incident, component + " is " + statusName + " on the status page for "
                    + incident.path("reference").asText());
        }
    }

    /** {@code POST …/customer-email {subject?, message?}}. */
    @Command(name = "customer-email", mixinStandardHelpOptions = true,
            description = {"Send the customer e-mail of a Critical or Major incident to the status page's subscribers.",
                    "Without --subject/--message the status page's draft is sent."})
    static class CustomerEmail extends IncidentCommands.ApiCommand {

        @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
        String reference;

        @Option(names = "--subject", description = "The subject (at most 200 characters).")
        String subject;

        @Option(names = "--message", description = "The body (at most 5000 characters).")
        String message;

        @Override
        public void run() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (subject != null) {
                body.put("subject", subject);
            }
            if (message != null) {
                body.put("message", message);
            }
            ApiClient api = api();
            JsonNode incident = api.post("/api/v1/incidents/" + api.idOf(reference) + "/customer-email", body);
            print(incident, "Customer e-mail sent for " + incident.path("reference").asText());
        }
    }

    private static String page(ApiClient api, String reference) {
        return "/api/v1/incidents/" + api.idOf(reference) + "/status-page";
    }

    private static Map<String, Object> wording(String title, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (title != null) {
            body.put("publicTitle", title);
        }
        if (message != null) {
            body.put("publicMessage", message);
        }
        return body;
    }

    /** The API's name for a status as typed: any case, '-' or '_', or the short words people say. */
    static String componentStatus(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (name) {
            case "OPERATIONAL" -> "OPERATIONAL";
            case "DEGRADED", "DEGRADED_PERFORMANCE" -> "DEGRADED_PERFORMANCE";
            case "PARTIAL", "PARTIAL_OUTAGE" -> "PARTIAL_OUTAGE";
            case "MAJOR", "MAJOR_OUTAGE" -> "MAJOR_OUTAGE";
            case "MAINTENANCE", "UNDER_MAINTENANCE" -> "UNDER_MAINTENANCE";
            default -> throw new CliException(CliException.CONFIGURATION, "STATUS must be operational, degraded,"
                    + " partial, major or maintenance (or degraded-performance, partial-outage, major-outage,"
                    + " under-maintenance); got '" + text + "'");
        };
    }
}
