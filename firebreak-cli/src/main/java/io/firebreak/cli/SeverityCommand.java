package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code firebreak incident sev INC-n SEVERITY}: {@code POST /api/v1/incidents/{id}/severity}. */
@Command(name = "sev", mixinStandardHelpOptions = true,
        description = "Raise or lower the severity (lowering needs --reason).")
class SeverityCommand extends IncidentCommands.ApiCommand {

    @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
    String reference;

    @Parameters(index = "1", paramLabel = "SEVERITY",
            description = "1-4 (SEV1-SEV4), P0-P3, minor/major/critical, low/medium/high.")
    String severity;

    @Option(names = "--reason", description = "Why (required when lowering).")
    String reason;

    @Override
    public void run() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("severity", IncidentCommands.severity(severity));
        if (reason != null) {
            body.put("reason", reason);
        }
        ApiClient api = api();
        JsonNode incident = api.post("/api/v1/incidents/" + api.idOf(reference) + "/severity", body);
        print(incident, incident.path("reference").asText() + " is now " + incident.path("severity").asText());
    }
}
