package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code firebreak incident bridge INC-n URL}: {@code PUT /api/v1/incidents/{id}/video-bridge {url}}. */
@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = {"Attach a video bridge (an https call link).", "It replaces any earlier one; the pinned summary"
                + " in Slack shows it."})
class BridgeCommand extends IncidentCommands.ApiCommand {

    @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
    String reference;

    @Parameters(index = "1", paramLabel = "URL", description = "The https link to join the call.")
    String url;

    @Override
    public void run() {
        ApiClient api = api();
        JsonNode incident = api.put("/api/v1/incidents/" + api.idOf(reference) + "/video-bridge", Map.of("url", url));
        print(incident, "Video bridge of " + incident.path("reference").asText() + ": "
                + incident.path("videoBridgeUrl").asText());
    }
}
