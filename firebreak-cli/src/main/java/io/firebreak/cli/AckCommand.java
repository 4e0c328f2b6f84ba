package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code firebreak incident ack (--page ID | INC-n)}: acknowledges a page at notification-service, as the person behind
 * the token: {@code POST /api/v1/pages/{pageId}/ack}, or the incident's newest page with {@code POST
 * /api/v1/incidents/{id}/ack} (the reference resolved to the id by incident-command first).
 */
@Command(name = "ack", mixinStandardHelpOptions = true,
        description = "Acknowledge a page (notification-service): the page by id, or the incident's newest page.")
class AckCommand extends IncidentCommands.ApiCommand {

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** Exactly one: which page. */
    static class Target {

        @Option(names = "--page", paramLabel = "PAGE-ID", description = "The page, by id (as `page` printed it).")
        String pageId;

        @Parameters(index = "0", paramLabel = "INC-n", description = "The incident reference (or id): its newest page.")
        String reference;
    }

    @Override
    public void run() {
        String path = target.pageId != null ? "/api/v1/pages/" + target.pageId + "/ack"
                : "/api/v1/incidents/" + api().idOf(target.reference) + "/ack";
        // the acknowledger is the token's person: the body names no one
        JsonNode escalation = notificationApi().post(path, Map.of());
        if (json) {
            Output.json(out(), escalation);
            return;
        }
        out().println("Acknowledged " + (target.pageId != null ? "page " + target.pageId : "the newest page of "
                + target.reference) + "; escalation " + escalation.path("state").asText());
        List<List<String>> rows = new ArrayList<>();
        escalation.path("pages").forEach(p -> rows.add(List.of(p.path("responderName").asText(),
                p.path("level").asText(), p.path("state").asText(), p.path("acknowledgedBy").asText("-"),
                p.path("pageId").asText())));
        Output.table(out(), List.of("PAGED", "LEVEL", "STATE", "ACKED BY", "PAGE"), rows);
    }
}
