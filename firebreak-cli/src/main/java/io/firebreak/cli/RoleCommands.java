package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code firebreak incident lead | comms | investigator INC-n --id ID --name NAME}: {@code PUT
 * /api/v1/incidents/{id}/roles/{role}} with {@code {assignee: {id, name, email?}}}; {@code investigator --add} adds an
 * investigator beside the others: {@code POST /api/v1/incidents/{id}/roles/INVESTIGATION_OWNER/members}.
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

        /** Whether the person joins the role's holders instead of replacing them. */
        boolean joining() {
            return false;
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
            String path = "/api/v1/incidents/" + api.idOf(reference) + "/roles/" + role;
            JsonNode incident = joining() ? api.post(path + "/members", Map.of("assignee", assignee))
                    : api.put(path, Map.of("assignee", assignee));
            print(incident, name + (joining() ? " also investigates " : " is " + title + " of ")
                    + incident.path("reference").asText());
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
            description = {"Make someone the investigation owner (--add: one more investigator).",
                    "Without --add the person replaces every investigator; with it they join them."})
    static class Investigator extends AssignRole {

        @Option(names = "--add", description = "Add an investigator instead of replacing the investigation owner.")
        boolean add;

        Investigator() {
            super("INVESTIGATION_OWNER", "investigation owner");
        }

        @Override
        boolean joining() {
            return add;
        }
    }
}
