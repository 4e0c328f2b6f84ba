package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code firebreak incident note INC-n TEXT --kind KIND}: {@code POST /api/v1/incidents/{id}/notes}. */
@Command(name = "note", mixinStandardHelpOptions = true, description = "Add a note to the incident's timeline.")
class NoteCommand extends IncidentCommands.ApiCommand {

    /** The kinds a person writes; the API's names in upper case. */
    enum Kind {
        decision, evidence, hypothesis, action, note
    }

    @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
    String reference;

    @Parameters(index = "1", paramLabel = "TEXT", description = "What to record.")
    String text;

    @Option(names = "--kind", defaultValue = "note", paramLabel = "KIND",
            description = "decision, evidence, hypothesis, action or note (default ${DEFAULT-VALUE}).")
    Kind kind;

    @Override
    public void run() {
        ApiClient api = api();
        JsonNode incident = api.post("/api/v1/incidents/" + api.idOf(reference) + "/notes",
                Map.of("kind", kind.name().toUpperCase(Locale.ROOT), "text", text));
        print(incident, "Noted (" + kind + ") on " + incident.path("reference").asText());
    }
}
