package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code firebreak incident ...}. */
@Command(name = "incident", mixinStandardHelpOptions = true, description = "Open, inspect and run incidents.",
        subcommands = {DeclareCommands.Open.class, DeclareCommands.Drill.class, IncidentCommands.ListIncidents.class,
                IncidentCommands.Show.class, IncidentCommands.Update.class, IncidentCommands.Status.class,
                SeverityCommand.class, RoleCommands.Lead.class, RoleCommands.Comms.class, RoleCommands.Investigator.class,
                NoteCommand.class, ImpactCommand.class, ContainmentCommand.class, IdentifiedCommand.class,
                BridgeCommand.class, StatusPageCommands.Publish.class, StatusPageCommands.Hide.class,
                StatusPageCommands.Wording.class, StatusPageCommands.Component.class,
                StatusPageCommands.CustomerEmail.class, IncidentCommands.Resolve.class, CloseCommand.class, IncidentCommands.Page.class,
                AckCommand.class})
class IncidentCommands implements Runnable {

    private static Map<String, String> environment = Map.of();
    private static Terminal terminal = Terminal.NONE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static void environment(Map<String, String> env) {
        environment = env;
    }

    static void terminal(Terminal person) {
        terminal = person;
    }

    /** Who can be asked a question, if anyone (a terminal), for the declaration's "declare anyway?". */
    static Terminal terminal() {
        return terminal;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every incident command shares. */
    abstract static class ApiCommand implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print the API's JSON instead of a table.")
        boolean json;

        ApiClient api() {
            return new ApiClient(environment.getOrDefault("FIREBREAK_URL", "http://127.0.0.1:8080"), token());
        }

        /** notification-service (paging): {@code FIREBREAK_NOTIFICATION_URL}, the same token. */
        ApiClient notificationApi() {
            return new ApiClient(environment.getOrDefault("FIREBREAK_NOTIFICATION_URL", "http://localhost:8081"),
                    token(), "notification-service", "FIREBREAK_NOTIFICATION_URL");
        }

        static String token() {
            String token = environment.get("FIREBREAK_TOKEN");
            if (token == null || token.isBlank()) {
                throw new CliException(CliException.CONFIGURATION, "FIREBREAK_TOKEN is not set");
            }
            return token;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        void print(JsonNode incident, String headline) {
            if (json) {
                Output.json(out(), incident);
            } else {
                out().println(headline);
                Output.incident(out(), incident);
            }
        }
    }

    /** {@code 2} means SEV2; every other spelling goes to the API as typed. */
    static String severity(String text) {
        return text.matches("\\d") ? "SEV" + text : text;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List incidents, newest first.")
    static class ListIncidents extends ApiCommand {

        @Option(names = "--open", description = "Only incidents still being worked (not resolved or closed).")
        boolean open;

        @Option(names = "--size", defaultValue = "50", description = "How many (1-200, default ${DEFAULT-VALUE}).")
        int size;

        @Override
        public void run() {
            JsonNode page = api().get("/api/v1/incidents?size=" + size + (open ? "&open=true" : ""));
            if (json) {
                Output.json(out(), page);
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            // a drill says so wherever it is shown
            page.path("items").forEach(i -> rows.add(List.of(i.path("reference").asText(), i.path("severity").asText(),
                    i.path("status").asText(), i.path("declaredAt").asText(),
                    (i.path("drill").asBoolean() ? "[DRILL] " : "") + i.path("title").asText())));
            Output.table(out(), List.of("REFERENCE", "SEVERITY", "STATUS", "DECLARED", "TITLE"), rows);
            out().println(page.path("total").asLong() + " incident(s)");
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one incident.")
    static class Show extends ApiCommand {

        @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
        String reference;

        @Override
        public void run() {
            JsonNode incident = api().get("/api/v1/incidents/" + reference);
            print(incident, incident.path("reference").asText() + ": " + incident.path("title").asText());
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Post an update answering the four questions.")
    static class Update extends ApiCommand {

        private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([mh]?)");

        @Parameters(index = "0", paramLabel = "INC-n")
        String reference;

        @Option(names = "--happening", required = true, description = "What is happening?")
        String happening;

        @Option(names = "--affected", description = "Who or what is affected?")
        String affected;

        @Option(names = "--doing", description = "What are we doing now?")
        String doing;

        @Option(names = "--next", description = "When the next update comes, e.g. 30m or 1h.")
        String next;

        @Option(names = "--customer", description = "A customer-facing update (all four answers required).")
        boolean customer;

        @Option(names = "--what-you-can-do", paramLabel = "TEXT",
                description = "With --customer: what customers can do meanwhile (a workaround).")
        String whatYouCanDo;

        @Override
        public void run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("audience", customer ? "CUSTOMER" : "INTERNAL");
            body.put("whatIsHappening", happening);
            if (affected != null) {
                body.put("whoIsAffected", affected);
            }
            if (doing != null) {
                body.put("whatWeAreDoing", doing);
            }
            if (next != null) {
                body.put("nextUpdateInMinutes", minutes(next));
            }
            if (whatYouCanDo != null) {
                body.put("whatYouCanDo", whatYouCanDo);
            }
            ApiClient api = api();
            JsonNode incident = api.post("/api/v1/incidents/" + api.idOf(reference) + "/updates", body);
            print(incident, "Update posted to " + incident.path("reference").asText());
        }

        private static int minutes(String text) {
            Matcher matcher = DURATION.matcher(text.trim().toLowerCase());
            if (!matcher.matches()) {
                throw new CliException(CliException.CONFIGURATION, "--next takes minutes or hours, e.g. 30m or 1h");
            }
            int value = Integer.parseInt(matcher.group(1));
            return "h".equals(matcher.group(2)) ? value * 60 : value;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Move the incident to investigating, fixing or monitoring.")
    static class Status extends ApiCommand {

        @Parameters(index = "0", paramLabel = "INC-n")
        String reference;

        @Parameters(index = "1", paramLabel = "STATUS", description = "investigating, fixing or monitoring")
        String status;

        @Option(names = "--note", description = "Why.")
        String note;

        @Override
        public void run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            if (note != null) {
                body.put("note", note);
            }
            ApiClient api = api();
            JsonNode incident = api.post("/api/v1/incidents/" + api.idOf(reference) + "/status", body);
            print(incident, incident.path("reference").asText() + " is now " + incident.path("status").asText());
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true, description = "Resolve: immediate impact is over.")
    static class Resolve extends ApiCommand {

        @Parameters(index = "0", paramLabel = "INC-n")
        String reference;

        @Option(names = "--resolution", required = true, description = "How it was resolved.")
        String resolution;

        @Override
        public void run() {
            ApiClient api = api();
            JsonNode incident = api.post("/api/v1/incidents/" + api.idOf(reference) + "/resolve",
                    Map.of("resolution", resolution));
            print(incident, incident.path("reference").asText() + " resolved");
        }
    }

    @Command(name = "page", mixinStandardHelpOptions = true,
            description = "Page someone by hand for an incident: a person, or whoever is on call for a team, schedule"
                    + " or service (notification-service).")
    static class Page extends ApiCommand {

        @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id).")
        String reference;

        @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        /** Exactly one: whom to page. */
        static class Target {

            @Option(names = "--person", paramLabel = "ID", description = "A person, by id.")
            String person;

            @Option(names = "--team", paramLabel = "ID", description = "The team's on-call.")
            String team;

            @Option(names = "--schedule", paramLabel = "ID", description = "Whoever the schedule has on call.")
            String schedule;

            @Option(names = "--service", paramLabel = "ID", description = "The on-call of the service's owning team.")
            String service;

            Map<String, String> asJson() {
                String kind = person != null ? "PERSON" : team != null ? "TEAM" : schedule != null ? "SCHEDULE" : "SERVICE";
                String id = person != null ? person : team != null ? team : schedule != null ? schedule : service;
                return Map.of("kind", kind, "id", id);
            }
        }

        @Option(names = "--message", description = "What the people paged should know (at most 500 characters).")
        String message;

        @Override
        public void run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("target", target.asJson());
            if (message != null) {
                body.put("message", message);
            }
            String incidentId = api().idOf(reference);
            JsonNode paged = notificationApi().post("/api/v1/incidents/" + incidentId + "/pages", body);
            if (json) {
                Output.json(out(), paged);
                return;
            }
            out().println("Paged " + paged.path("pages").size() + " for " + reference);
            List<List<String>> rows = new ArrayList<>();
            paged.path("pages").forEach(p -> rows.add(List.of(p.path("responderName").asText(),
                    p.path("via").asText("-"), p.path("pageId").asText())));
            Output.table(out(), List.of("PAGED", "VIA", "PAGE"), rows);
        }
    }
}
