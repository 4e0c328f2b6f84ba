package io.firebreak.debrief.linear;

import io.firebreak.debrief.config.DebriefProperties;
import io.firebreak.debrief.readmodel.LinearIssue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Linear's GraphQL API (https://linear.app/developers/graphql), as the follow-up sync needs it: find or create the
 * label, create an issue, read one back, look up the team's workflow states, move an issue. A personal API key goes in
 * {@code Authorization} as it is (no {@code Bearer}). Linear answers errors as GraphQL {@code errors} with HTTP 200 or
 * with a 4xx/5xx; every one is a {@link LinearException}, and the worker retries. Blocking: called from the worker's
 * thread only. The label id and the team's states are cached: they do not change under a running sync.
 */
@Component
public class LinearClient {

    static final String LABELS = """
            query FirebreakLabels($name: String!) {
              issueLabels(filter: { name: { eq: $name } }) { nodes { id name team { id } } }
            }""";
    static final String LABEL_CREATE = """
            mutation FirebreakLabelCreate($input: IssueLabelCreateInput!) {
              issueLabelCreate(input: $input) { success issueLabel { id name } }
            }""";
    static final String ISSUE_CREATE = """
            mutation FirebreakIssueCreate($input: IssueCreateInput!) {
              issueCreate(input: $input) { success issue { id identifier url } }
            }""";
    static final String ISSUE = """
            query FirebreakIssue($id: String!) {
              issue(id: $id) { id identifier url }
            }""";
    static final String TEAM_STATES = """
            query FirebreakTeamStates($teamId: String!) {
              team(id: $teamId) { states { nodes { id name type position } } }
            }""";
    static final String ISSUE_UPDATE = """
            mutation FirebreakIssueUpdate($id: String!, $input: IssueUpdateInput!) {
              issueUpdate(id: $id, input: $input) { success issue { id state { id type } } }
            }""";

    private final DebriefProperties.Linear settings;
    private final JsonMapper json;
    private final HttpClient http;
    private final AtomicReference<String> labelId = new AtomicReference<>();
    private final Map<String, String> stateIdByType = new ConcurrentHashMap<>();

    public LinearClient(DebriefProperties properties, JsonMapper json) {
        this.settings = properties.getLinear();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.getRequestTimeout()).build();
    }

    /** What an issue is created with. */
    public record NewIssue(String id, String title, String description, LocalDate dueDate, int priority) {
    }

    /** The id of the label follow-ups carry: a workspace or this team's label of that name, else a new one. */
    public String labelId() {
        String cached = labelId.get();
        if (cached != null) {
            return cached;
        }
        JsonNode nodes = call(LABELS, Map.of("name", settings.getLabel())).path("issueLabels").path("nodes");
        for (JsonNode label : nodes) {
            JsonNode team = label.path("team");
            if (team.isNull() || team.isMissingNode() || settings.getTeamId().equals(team.path("id").asString())) {
                labelId.set(label.path("id").asString());
                return labelId.get();
            }
        }
        // a workspace label, so that it can be put on the issues of any team
        JsonNode created = call(LABEL_CREATE, Map.of("input", Map.of("name", settings.getLabel(), "color", "#c2410c")))
                .path("issueLabelCreate");
        require(created, "issueLabelCreate");
        labelId.set(created.path("issueLabel").path("id").asString());
        return labelId.get();
    }

    /** Creates the issue with the id we chose, so a retry after a lost answer finds it instead of creating another. */
    public LinearIssue createIssue(NewIssue issue) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", issue.id());
        input.put("teamId", settings.getTeamId());
        input.put("title", issue.title());
        input.put("description", issue.description());
        input.put("labelIds", List.of(labelId()));
        input.put("priority", issue.priority());
        if (issue.dueDate() != null) {
            input.put("dueDate", issue.dueDate().toString());
        }
        JsonNode created = call(ISSUE_CREATE, Map.of("input", input)).path("issueCreate");
        require(created, "issueCreate");
        return issue(created.path("issue"));
    }

    /** The issue with this id, if Linear has it. */
    public Optional<LinearIssue> findIssue(String id) {
        JsonNode issue = call(ISSUE, Map.of("id", id)).path("issue");
        return issue.isObject() ? Optional.of(issue(issue)) : Optional.empty();
    }

    /** Moves the issue to the team's first workflow state of this type (completed, canceled, unstarted). */
    public void moveIssue(String issueId, String stateType) {
        JsonNode updated = call(ISSUE_UPDATE, Map.of("id", issueId, "input", Map.of("stateId", stateId(stateType))))
                .path("issueUpdate");
        require(updated, "issueUpdate");
    }

    private String stateId(String type) {
        String cached = stateIdByType.get(type);
        if (cached != null) {
            return cached;
        }
        JsonNode states = call(TEAM_STATES, Map.of("teamId", settings.getTeamId())).path("team").path("states")
                .path("nodes");
        Map<String, JsonNode> first = new LinkedHashMap<>();
        states.forEach(state -> first.merge(state.path("type").asString(), state,
                (a, b) -> Comparator.<JsonNode>comparingDouble(s -> s.path("position").asDouble()).compare(a, b) <= 0 ? a : b));
        first.forEach((t, state) -> stateIdByType.put(t, state.path("id").asString()));
        String id = stateIdByType.get(type);
        if (id == null) {
            throw new LinearException("The Linear team has no workflow state of type " + type);
        }
        return id;
    }

    private JsonNode call(String query, Map<String, Object> variables) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("query", query, "variables", variables));
        } catch (JacksonException e) {
            throw new LinearException("Cannot write the GraphQL request: " + e.getOriginalMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.getApiUrl()))
                .timeout(settings.getRequestTimeout())
                .header("Content-Type", "application/json")
                .header("Authorization", settings.getApiKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new LinearException("Linear is out of reach: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinearException("Interrupted while calling Linear");
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (JacksonException e) {
            throw new LinearException("Linear answered HTTP " + response.statusCode() + " without JSON");
        }
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new LinearException("Linear answered HTTP " + response.statusCode() + ": "
                    + abbreviate(errors.get(0).path("message").asString()));
        }
        if (response.statusCode() / 100 != 2 || !answer.path("data").isObject()) {
            throw new LinearException("Linear answered HTTP " + response.statusCode());
        }
        return answer.path("data");
    }

    private static void require(JsonNode payload, String mutation) {
        if (!payload.path("success").asBoolean(false)) {
            throw new LinearException(mutation + " did not succeed");
        }
    }

    private static LinearIssue issue(JsonNode issue) {
        return new LinearIssue(issue.path("id").asString(), issue.path("identifier").asString(),
                issue.path("url").asString());
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
