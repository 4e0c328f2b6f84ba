package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code firebreak incident impact INC-n --customer-impact|--no-customer-impact [--service S]...}: {@code POST
 * /api/v1/incidents/{id}/customer-impact} with {@code {customerImpact, affectedServices}}.
 */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = "Say whether customers see the impact, and which services are affected.")
class ImpactCommand extends IncidentCommands.ApiCommand {

    @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
    String reference;

    @Option(names = "--customer-impact", negatable = true, required = true,
            description = "Customers can see the impact (--no-customer-impact: they cannot).")
    Boolean customerImpact;

    @Option(names = "--service", paramLabel = "SERVICE", description = "Affected service (repeatable); replaces the incident's list. "
            + "Without it the incident keeps its services.")
    List<String> services = new ArrayList<>();

    @Override
    public void run() {
        ApiClient api = api();
        JsonNode current = api.incident(reference);
        // the API replaces the list: without --service, send the services the incident already has
        List<String> affected = new ArrayList<>(services);
        if (affected.isEmpty()) {
            current.path("affectedServices").forEach(s -> affected.add(s.asText()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerImpact", customerImpact);
        body.put("affectedServices", affected);
        JsonNode incident = api.post("/api/v1/incidents/" + current.path("id").asText() + "/customer-impact", body);
        print(incident, incident.path("reference").asText() + (incident.path("customerImpact").asBoolean()
                ? ": customers see the impact" : ": no customer impact"));
    }
}
