package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code firebreak incident open} (also {@code declare}) and {@code firebreak incident drill}: {@code POST
 * /api/v1/incidents} with an {@code Idempotency-Key}. A declaration that resembles an open incident is refused (409,
 * rule {@code possible-duplicate}, with its candidates): the CLI lists them and, on a terminal, asks whether to declare
 * anyway (then sends {@code force}); elsewhere it exits 1 and suggests {@code --force}.
 */
final class DeclareCommands {

    private DeclareCommands() {
    }

    /** What every declaration says. */
    abstract static class Declare extends IncidentCommands.ApiCommand {

        @Option(names = "--sev", required = true, description = "Severity: 1-4 (SEV1-SEV4), P0-P3, minor/major/critical, low/medium/high.")
        String severity;

        @Option(names = "--summary", required = true, description = "One line: what is broken, for whom.")
        String summary;

        @Option(names = "--description", description = "What is known so far.")
        String description;

        @Option(names = "--customer-impact", description = "Customers can see the impact.")
        boolean customerImpact;

        @Option(names = "--service", description = "Affected service (repeatable).")
        List<String> services = new ArrayList<>();

        @Option(names = "--type", paramLabel = "TYPE",
                description = "engineering (default), support, billing, security, vendor or other.")
        String type;

        @Option(names = "--exposure", paramLabel = "KIND", description = {"Suspected exposure (repeatable): card-data,"
                + " credentials, keys or personal-data. Any makes it a security incident; card data, credentials or"
                + " keys make it Critical at least."})
        List<String> exposures = new ArrayList<>();

        @Option(names = "--bridge", paramLabel = "URL", description = "A video call link (https) to attach at once.")
        String bridge;

        @Option(names = "--force", description = "Declare even when an open incident looks like the same thing.")
        boolean force;

        /** Whether this declaration is a drill. */
        abstract boolean drill();

        @Override
        public void run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", summary);
            body.put("severity", IncidentCommands.severity(severity));
            if (description != null) {
                body.put("summary", description);
            }
            body.put("customerImpact", customerImpact);
            body.put("affectedServices", services);
            if (type != null) {
                body.put("type", type);
            }
            if (drill()) {
                body.put("drill", true);
            }
            if (!exposures.isEmpty()) {
                body.put("suspectedExposure", exposures);
            }
            if (bridge != null) {
                body.put("videoBridgeUrl", bridge);
            }
            if (force) {
                body.put("force", true);
            }
            ApiClient api = api();
            JsonNode incident;
            try {
                incident = api.declare(body);
            } catch (CliException refused) {
                if (!isPossibleDuplicate(refused)) {
                    throw refused;
                }
                incident = declareAnyway(api, body, refused);
            }
            String drill = incident.path("drill").asBoolean() ? "DRILL " : "";
            print(incident, "Declared " + drill + incident.path("reference").asText() + " in #"
                    + incident.path("channelName").asText() + "  " + api.baseUrl() + "/api/v1/incidents/"
                    + incident.path("id").asText());
        }

        /** Lists the candidates; asks on a terminal (not with --json), else refuses with a hint. */
        private JsonNode declareAnyway(ApiClient api, Map<String, Object> body, CliException refused) {
            if (json) {
                throw refused.withHint("declare anyway with --force");
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("Open incidents that look like this one:");
            List<List<String>> rows = new ArrayList<>();
            refused.problem().path("candidates").forEach(c -> rows.add(List.of(c.path("reference").asText(),
                    c.path("severity").asText(), c.path("status").asText(), c.path("title").asText())));
            Output.table(err, List.of("REFERENCE", "SEVERITY", "STATUS", "TITLE"), rows);
            if (!IncidentCommands.terminal().interactive()) {
                throw refused.withHint("join one of them, or declare anyway with --force");
            }
            err.print("Declare anyway? [y/N] ");
            err.flush();
            String answer = IncidentCommands.terminal().readLine();
            if (answer == null || !List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT))) {
                throw new CliException(CliException.API_ERROR, "not declared; join one of the incidents above,"
                        + " or declare anyway with --force", refused.httpStatus(), refused.problem());
            }
            body.put("force", true);
            return api.declare(body);
        }

        private static boolean isPossibleDuplicate(CliException refused) {
            return refused.httpStatus() == 409 && refused.problem() != null
                    && "possible-duplicate".equals(refused.problem().path("rule").asText());
        }
    }

    @Command(name = "open", aliases = "declare", mixinStandardHelpOptions = true, description = "Declare an incident.")
    static class Open extends Declare {

        @Option(names = "--drill", description = "A drill: the whole process, marked DRILL, never public, no metrics.")
        boolean drill;

        @Override
        boolean drill() {
            return drill;
        }
    }

    @Command(name = "drill", mixinStandardHelpOptions = true,
            description = {"Declare a drill (open --drill).", "A drill runs the whole process in a drill- channel,"
                    + " pages only the declarer's own team, never reaches the status page or leadership, and is left"
                    + " out of metrics."})
    static class Drill extends Declare {

        @Override
        boolean drill() {
            return true;
        }
    }
}
