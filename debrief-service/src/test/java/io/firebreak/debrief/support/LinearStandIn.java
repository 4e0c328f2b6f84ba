package io.firebreak.debrief.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for Linear's GraphQL endpoint ({@code POST /graphql}) that checks what Linear checks: a JSON POST with
 * {@code Authorization: <API key>} (no {@code Bearer}), a {@code query} naming the operation and {@code variables}
 * with the documented input fields ({@code IssueCreateInput}: teamId, title, description, labelIds, dueDate;
 * {@code issueUpdate}: id and input.stateId; {@code issueLabelCreate}: input.name). It keeps labels, issues and a
 * team's workflow states, and answers as Linear does: {@code data}, or {@code errors} (a refused request is recorded
 * with its reason). {@link #failNext(int)} makes the next calls answer 503, as during an outage.
 */
public final class LinearStandIn implements AutoCloseable {

    public static final String API_KEY = "lin_api_test_key";
    public static final String TEAM_ID = "team-eng";
    public static final String DONE_STATE = "state-done";
    public static final String CANCELED_STATE = "state-canceled";
    public static final String TODO_STATE = "state-todo";

    /** One GraphQL call: its query, variables, the Authorization header, and why it was refused (null: answered). */
    public record Call(String query, JsonNode variables, String authorization, String refused) {

        public boolean is(String operation) {
            return query != null && query.contains(operation);
        }
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> issues = new LinkedHashMap<>();
    private final Map<String, String> issueStates = new LinkedHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger numbers = new AtomicInteger();
    private boolean loseNextAnswer;

    public LinearStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/graphql", this::graphql);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "linear-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
    }

    public void failNext(int count) {
        failures.set(count);
    }

    /** The next issue is created, but its answer is lost (a 503 instead), as when the connection drops. */
    public synchronized void loseNextAnswer() {
        loseNextAnswer = true;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String operation) {
        return calls.stream().filter(c -> c.is(operation) && c.refused() == null).toList();
    }

    public List<Call> refused() {
        return calls.stream().filter(c -> c.refused() != null && !c.refused().equals("outage")
                && !c.refused().equals("duplicate")).toList();
    }

    /** The workflow state an issue is in now (null: its initial state). */
    public synchronized String stateOf(String issueId) {
        return issueStates.get(issueId);
    }

    private synchronized void graphql(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        JsonNode request;
        try {
            request = json.readTree(exchange.getRequestBody().readAllBytes());
        } catch (RuntimeException e) {
            refuse(exchange, new Call(null, null, authorization, "not JSON"), 400);
            return;
        }
        String query = request.path("query").asString(null);
        JsonNode variables = request.path("variables");
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            calls.add(new Call(query, variables, authorization, "outage"));
            send(exchange, 503, "{\"errors\":[{\"message\":\"Service unavailable\"}]}");
            return;
        }
        String problem = check(exchange, authorization, query, variables);
        if (problem != null) {
            refuse(exchange, new Call(query, variables, authorization, problem), problem.startsWith("auth") ? 401 : 400);
            return;
        }
        if (query.contains("issueCreate(") && issues.containsKey(variables.path("input").path("id").asString(""))) {
            // Linear refuses a second entity with the same id
            calls.add(new Call(query, variables, authorization, "duplicate"));
            send(exchange, 200, "{\"data\":null,\"errors\":[{\"message\":\"Entity already exists\"}]}");
            return;
        }
        calls.add(new Call(query, variables, authorization, null));
        String answer = json.writeValueAsString(Map.of("data", answer(query, variables)));
        if (loseNextAnswer && query.contains("issueCreate(")) {
            loseNextAnswer = false;
            send(exchange, 503, "{\"errors\":[{\"message\":\"upstream connect error\"}]}");
            return;
        }
        send(exchange, 200, answer);
    }

    private String check(HttpExchange exchange, String authorization, String query, JsonNode variables) {
        if (!"POST".equals(exchange.getRequestMethod())
                || !String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json")) {
            return "not a JSON POST";
        }
        if (!API_KEY.equals(authorization)) {
            return "authentication: Authorization must be the API key itself";
        }
        if (query == null || !variables.isObject()) {
            return "a GraphQL request has a query and variables";
        }
        if (query.contains("issueCreate(")) {
            JsonNode input = variables.path("input");
            for (String field : List.of("teamId", "title", "description", "labelIds", "dueDate")) {
                if (input.path(field).isMissingNode() || input.path(field).isNull()) {
                    return "IssueCreateInput without " + field;
                }
            }
            if (!TEAM_ID.equals(input.path("teamId").asString()) || !input.path("labelIds").isArray()
                    || input.path("labelIds").isEmpty()) {
                return "IssueCreateInput with an unknown team or no label";
            }
            for (JsonNode label : input.path("labelIds")) {
                if (!labels.containsValue(label.asString())) {
                    return "IssueCreateInput with an unknown label";
                }
            }
            if (!input.path("dueDate").asString().matches("\\d{4}-\\d{2}-\\d{2}")) {
                return "dueDate is a TimelessDate (yyyy-MM-dd)";
            }
        } else if (query.contains("issueUpdate(")) {
            if (!issues.containsKey(variables.path("id").asString()) || variables.path("input").path("stateId").isMissingNode()) {
                return "issueUpdate needs a known id and input.stateId";
            }
        } else if (query.contains("issueLabelCreate(")) {
            if (variables.path("input").path("name").asString("").isBlank()) {
                return "IssueLabelCreateInput without name";
            }
        } else if (!query.contains("issueLabels(") && !query.contains("issue(") && !query.contains("team(")) {
            return "an operation this stand-in does not know";
        }
        return null;
    }

    private Object answer(String query, JsonNode variables) {
        if (query.contains("issueLabelCreate(")) {
            String id = "label-" + (labels.size() + 1);
            labels.put(variables.path("input").path("name").asString(), id);
            return Map.of("issueLabelCreate", Map.of("success", true, "issueLabel", Map.of("id", id, "name",
                    variables.path("input").path("name").asString())));
        }
        if (query.contains("issueLabels(")) {
            String name = variables.path("name").asString();
            List<Object> nodes = new ArrayList<>();
            if (labels.containsKey(name)) {
                Map<String, Object> label = new LinkedHashMap<>();
                label.put("id", labels.get(name));
                label.put("name", name);
                label.put("team", null);
                nodes.add(label);
            }
            return Map.of("issueLabels", Map.of("nodes", nodes));
        }
        if (query.contains("issueCreate(")) {
            JsonNode input = variables.path("input");
            String id = input.path("id").asString(null);
            int number = numbers.incrementAndGet();
            Map<String, Object> issue = Map.of("id", id == null ? "issue-" + number : id, "identifier", "ENG-" + number,
                    "url", "https://linear.app/acme/issue/ENG-" + number);
            issues.put((String) issue.get("id"), issue);
            return Map.of("issueCreate", Map.of("success", true, "issue", issue));
        }
        if (query.contains("issueUpdate(")) {
            String id = variables.path("id").asString();
            issueStates.put(id, variables.path("input").path("stateId").asString());
            return Map.of("issueUpdate", Map.of("success", true, "issue", Map.of("id", id)));
        }
        if (query.contains("team(")) {
            return Map.of("team", Map.of("states", Map.of("nodes", List.of(
                    state("state-backlog", "Backlog", "backlog", 0), state(TODO_STATE, "Todo", "unstarted", 1),
                    state("state-doing", "In Progress", "started", 2), state(DONE_STATE, "Done", "completed", 3),
                    state("state-duplicate", "Duplicate", "canceled", 5), state(CANCELED_STATE, "Canceled", "canceled", 4)))));
        }
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("issue", issues.get(variables.path("id").asString()));
        return found;
    }

    private static Map<String, Object> state(String id, String name, String type, int position) {
        return Map.of("id", id, "name", name, "type", type, "position", position);
    }

    private void refuse(HttpExchange exchange, Call call, int status) throws IOException {
        calls.add(call);
        send(exchange, status, json.writeValueAsString(Map.of("errors", List.of(Map.of("message", call.refused())))));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
