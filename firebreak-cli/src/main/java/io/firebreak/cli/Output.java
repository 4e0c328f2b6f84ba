package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Human tables by default, the API's JSON with {@code --json}. */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Output() {
    }

    static void json(PrintWriter out, JsonNode node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (Exception e) {
            out.println(node);
        }
    }

    static void table(PrintWriter out, List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.min(60, Math.max(widths[i], row.get(i).length()));
            }
        }
        out.println(line(headers, widths));
        rows.forEach(row -> out.println(line(row, widths)));
    }

    static void incident(PrintWriter out, JsonNode incident) {
        List<List<String>> rows = new ArrayList<>();
        boolean drill = incident.path("drill").asBoolean();
        rows.add(List.of("Reference", incident.path("reference").asText() + (drill ? " (DRILL)" : "")));
        rows.add(List.of("Title", incident.path("title").asText()));
        rows.add(List.of("Severity", incident.path("severity").asText() + " (reported as "
                + incident.path("reportedSeverity").asText() + ")"));
        rows.add(List.of("Status", incident.path("status").asText()));
        if (incident.hasNonNull("type")) {
            rows.add(List.of("Type", incident.path("type").asText() + (drill ? ", DRILL" : "")));
        }
        List<String> exposure = texts(incident.path("suspectedExposure"));
        if (!exposure.isEmpty()) {
            rows.add(List.of("Exposure", String.join(", ", exposure)));
        }
        rows.add(List.of("Customer impact", incident.path("customerImpact").asBoolean() ? "yes" : "no"));
        List<String> services = new ArrayList<>();
        incident.path("affectedServices").forEach(s -> services.add(s.asText()));
        rows.add(List.of("Services", services.isEmpty() ? "-" : String.join(", ", services)));
        rows.add(List.of("Channel", "#" + incident.path("channelName").asText()));
        rows.add(List.of("Lead", incident.path("roles").path("INCIDENT_LEAD").path("name").asText("-")));
        JsonNode comms = incident.path("roles").path("COMMS_OWNER");
        if (comms.isObject()) {
            rows.add(List.of("Comms", comms.path("name").asText()));
        }
        List<String> investigators = new ArrayList<>();
        incident.path("investigators").forEach(i -> investigators.add(i.path("name").asText()));
        JsonNode investigator = incident.path("roles").path("INVESTIGATION_OWNER");
        if (investigators.isEmpty() && investigator.isObject()) {
            investigators.add(investigator.path("name").asText());
        }
        if (!investigators.isEmpty()) {
            rows.add(List.of(investigators.size() == 1 ? "Investigator" : "Investigators", String.join(", ", investigators)));
        }
        if (incident.hasNonNull("videoBridgeUrl")) {
            rows.add(List.of("Video bridge", incident.path("videoBridgeUrl").asText()));
        }
        statusPage(rows, incident.path("statusPage"));
        rows.add(List.of("Declared", incident.path("declaredAt").asText()));
        JsonNode latest = incident.path("latestUpdate");
        if (!latest.isMissingNode() && !latest.isNull()) {
            rows.add(List.of("Latest update", latest.path("whatIsHappening").asText()));
            if (latest.hasNonNull("whatYouCanDo")) {
                rows.add(List.of("What you can do", latest.path("whatYouCanDo").asText()));
            }
        }
        if (!incident.path("nextUpdateAt").isNull() && !incident.path("nextUpdateAt").isMissingNode()) {
            rows.add(List.of("Next update", incident.path("nextUpdateAt").asText()));
        }
        List<String> steps = new ArrayList<>();
        incident.path("containment").forEach(step -> {
            if (!step.path("pending").asBoolean(true)) {
                steps.add(step.path("lever").asText() + " " + step.path("outcome").asText());
            }
        });
        if (!steps.isEmpty()) {
            rows.add(List.of("Containment", String.join(", ", steps)));
        }
        if (incident.hasNonNull("identifiedAt")) {
            rows.add(List.of("Identified", incident.path("identifiedAt").asText() + ": " + incident.path("cause").asText()));
        }
        if (!incident.path("resolution").isNull() && !incident.path("resolution").isMissingNode()) {
            rows.add(List.of("Resolution", incident.path("resolution").asText()));
        }
        if (!incident.path("debriefUrl").isNull() && !incident.path("debriefUrl").isMissingNode()) {
            rows.add(List.of("Debrief", incident.path("debriefUrl").asText()));
        }
        rows.add(List.of("Id", incident.path("id").asText()));
        int width = rows.stream().mapToInt(r -> r.get(0).length()).max().orElse(10);
        rows.forEach(r -> out.println(pad(r.get(0) + ":", width + 1) + " " + r.get(1)));
    }

    /** What the comms owner set for the public status page, when anything was. */
    private static void statusPage(List<List<String>> rows, JsonNode page) {
        if (!page.isObject()) {
            return;
        }
        if (page.path("hidden").asBoolean()) {
            rows.add(List.of("Status page", "hidden by hand"));
        } else if (page.path("published").asBoolean()) {
            rows.add(List.of("Status page", "published by hand"));
        }
        if (page.hasNonNull("publicTitle")) {
            rows.add(List.of("Public title", page.path("publicTitle").asText()));
        }
        if (page.hasNonNull("publicMessage")) {
            rows.add(List.of("Public message", page.path("publicMessage").asText()));
        }
        List<String> components = new ArrayList<>();
        page.path("components").properties().forEach(c -> components.add(c.getKey() + " " + c.getValue().asText()));
        if (!components.isEmpty()) {
            rows.add(List.of("Components", String.join(", ", components)));
        }
        if (page.hasNonNull("customerEmailSentAt")) {
            rows.add(List.of("Customer e-mail", "sent " + page.path("customerEmailSentAt").asText()));
        }
    }

    /** The containment checklist: every lever in order, pending or with its latest record. */
    static void containment(PrintWriter out, JsonNode incident) {
        List<List<String>> rows = new ArrayList<>();
        incident.path("containment").forEach(step -> {
            boolean pending = step.path("pending").asBoolean(true);
            rows.add(List.of(step.path("lever").asText(), pending ? "pending" : step.path("outcome").asText(),
                    pending ? "" : step.path("recordedBy").path("displayName").asText(""),
                    pending ? "" : step.path("note").asText("")));
        });
        table(out, List.of("LEVER", "OUTCOME", "BY", "NOTE"), rows);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i).length() > widths[i] ? cells.get(i).substring(0, widths[i] - 1) + "…"
                    : cells.get(i);
            line.append(i == cells.size() - 1 ? cell : pad(cell, widths[i]) + "  ");
        }
        return line.toString().stripTrailing();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
