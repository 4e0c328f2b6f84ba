package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code firebreak incident close INC-n [--debrief-url URL]}: {@code POST /api/v1/incidents/{id}/close}. A Major or
 * Critical incident closes only once debrief-service has reported its debrief completed (the API answers 409 with
 * field {@code debrief} until then); the CLI says so in plain words.
 */
@Command(name = "close", mixinStandardHelpOptions = true,
        description = {"Close a resolved incident: nothing more to do.",
                "A Major or Critical incident closes only after its debrief is completed in debrief-service,"
                        + " and closes with that debrief's link; a Minor one closes at once (with --debrief-url if given)."})
class CloseCommand extends IncidentCommands.ApiCommand {

    @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
    String reference;

    @Option(names = "--debrief-url", paramLabel = "URL", description = "The debrief's link (Minor incidents).")
    String debriefUrl;

    @Override
    public void run() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (debriefUrl != null) {
            body.put("debriefUrl", debriefUrl);
        }
        ApiClient api = api();
        JsonNode incident;
        try {
            incident = api.post("/api/v1/incidents/" + api.idOf(reference) + "/close", body);
        } catch (CliException refused) {
            if (refused.httpStatus() == 409 && "debrief".equals(refused.field())) {
                throw refused.withHint(reference + " stays open until its debrief is completed in debrief-service;"
                        + " complete the debrief, then run close again.");
            }
            throw refused;
        }
        String link = incident.path("debriefUrl").asText("");
        print(incident, incident.path("reference").asText() + " closed" + (link.isEmpty() ? "" : "; debrief " + link));
    }
}
