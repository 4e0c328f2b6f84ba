package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code firebreak incident containment INC-n LEVER OUTCOME [--note]}: {@code POST /api/v1/incidents/{id}/containment
 * {lever, outcome, note}}. The API refuses a lever while an earlier one has no record (409, field {@code lever}).
 */
@Command(name = "containment", mixinStandardHelpOptions = true,
        description = {"Record a step of the containment checklist.",
                "Levers, in the order they are pulled:", "  feature-flag-off, deploy-rollback, migration-rollback,"
                + " data-correction", "each after the earlier ones have a record (or not-applicable).",
                "Outcomes: contained, not-contained, not-applicable (needs --note saying why)."})
class ContainmentCommand extends IncidentCommands.ApiCommand {

    @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
    String reference;

    @Parameters(index = "1", paramLabel = "LEVER",
            description = "feature-flag-off, deploy-rollback, migration-rollback or data-correction.")
    String lever;

    @Parameters(index = "2", paramLabel = "OUTCOME", description = "contained, not-contained or not-applicable.")
    String outcome;

    @Option(names = "--note", description = "What was done, or why the lever does not apply.")
    String note;

    @Override
    public void run() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lever", lever);
        body.put("outcome", outcome);
        if (note != null) {
            body.put("note", note);
        }
        ApiClient api = api();
        JsonNode incident = api.post("/api/v1/incidents/" + api.idOf(reference) + "/containment", body);
        if (json) {
            Output.json(out(), incident);
            return;
        }
        out().println("Containment of " + incident.path("reference").asText() + ":");
        Output.containment(out(), incident);
    }
}
