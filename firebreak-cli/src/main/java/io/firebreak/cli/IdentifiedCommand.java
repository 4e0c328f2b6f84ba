package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code firebreak incident identified INC-n CAUSE}: {@code POST /api/v1/incidents/{id}/identified {cause}}. */
@Command(name = "identified", mixinStandardHelpOptions = true,
        description = {"Record the \"identified\" milestone: what causes the impact.", "Again to correct the cause."})
class IdentifiedCommand extends IncidentCommands.ApiCommand {

    @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
    String reference;

    @Parameters(index = "1", paramLabel = "CAUSE", description = "What was identified, in a sentence.")
    String cause;

    @Override
    public void run() {
        ApiClient api = api();
        JsonNode incident = api.post("/api/v1/incidents/" + api.idOf(reference) + "/identified", Map.of("cause", cause));
        print(incident, incident.path("reference").asText() + " identified: " + incident.path("cause").asText());
    }
}
