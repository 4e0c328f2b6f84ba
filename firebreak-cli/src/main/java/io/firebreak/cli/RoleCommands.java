package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code firebreak incident lead | comms | investigator INC-n --id ID --name NAME}: {@code PUT
 * /api/v1/incidents/{id}/roles/{role}} with {@code {assignee: {id, name, email?}}}.
 */
final class RoleCommands {

    private RoleCommands() {
    }

    /** One hat: the API's role name and how the CLI says it. */
    abstract static class AssignRole extends IncidentCommands.ApiCommand {

        @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
        String reference;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The person's id.")
        String id;

        @Option(names = "--name", required = true, description = "The person's name, as people know them.")
        String name;

        @Option(names = "--email", description = "The person's email.")
        String email;

        private final String role;
        private final String title;

        AssignRole(String role, String title) {
            this.role = role;
            this.title = title;
        }

        @Override
        public void run() {
            Map<String, Object> assignee = new LinkedHashMap<>();
            assignee.put("id", id);
            assignee.put("name", name);
            if (email != null) {
                assignee.put("email", email);
            }
            ApiClient api = api();
            JsonNode incident = api.put("/api/v1/incidents/" + api.idOf(reference) + "/roles/" + role,
                    Map.of("assignee", assignee));
            print(incident, name + " is " + title + " of " + incident.path("reference").asText());
        }
    }

    @Command(name = "lead", mixinStandardHelpOptions = true, description = "Make someone the incident lead.")
    static class Lead extends AssignRole {

        Lead() {
            super("INCIDENT_LEAD", "incident lead");
        }
    }

    @Command(name = "comms", mixinStandardHelpOptions = true,
            description = "Make someone the comms owner (updates to customers and the company).")
    static class Comms extends AssignRole {

        Comms() {
            super("COMMS_OWNER", "comms owner");
        }
    }

    @Command(name = "investigator", mixinStandardHelpOptions = true,
            description = "Make someone the investigation owner.")
    static class Investigator extends AssignRole {

        Investigator() {
            super("INVESTIGATION_OWNER", "investigation owner");
        }
    }
}
