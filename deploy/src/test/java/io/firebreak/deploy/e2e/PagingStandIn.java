package io.firebreak.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Where notification-service pages go in the end-to-end suite: a stand-in for PagerDuty's Events API v2
 * ({@code POST /v2/enqueue}) and for the generic paging webhook ({@code POST /webhook}), recording every accepted
 * request. The Events API side checks the documented request shape (PagerDuty developer docs, "Send an Alert Event"):
 * a JSON body with {@code routing_key}, {@code event_action} one of trigger / acknowledge / resolve, a
 * {@code dedup_key} of at most 255 characters, and for a trigger a {@code payload} with {@code summary} (at most 1024
 * characters), {@code source} and {@code severity} one of critical / error / warning / info; it answers
 * {@code 202 {"status":"success","message":"Event processed","dedup_key":…}}, or {@code 400} with the errors.
 */
final class PagingStandIn implements AutoCloseable {

    /** One accepted PagerDuty event. */
    record Event(String routingKey, String action, String dedupKey, String summary) {
    }

    /** One accepted webhook delivery. */
    record Delivery(String deliveryId, String pageId, String action, String incidentId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    private final HttpServer server;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();

    PagingStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/enqueue", this::enqueue);
        server.createContext("/webhook", this::webhook);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "paging-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    String eventsUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/enqueue";
    }

    String webhookUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Requests refused for their shape, with the reasons. */
    List<String> rejected() {
        return List.copyOf(rejected);
    }

    private void enqueue(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        List<String> errors = new ArrayList<>();
        if (body == null) {
            errors.add("body is not a JSON object with Content-Type application/json");
        } else {
            text(body, "routing_key", 1, 255, errors);
            String action = body.path("event_action").asText("");
            if (!ACTIONS.contains(action)) {
                errors.add("event_action must be trigger, acknowledge or resolve");
            }
            text(body, "dedup_key", 1, 255, errors);
            if (action.equals("trigger")) {
                JsonNode payload = body.path("payload");
                text(payload, "summary", 1, 1024, errors);
                text(payload, "source", 1, 255, errors);
                if (!SEVERITIES.contains(payload.path("severity").asText(""))) {
                    errors.add("payload.severity must be critical, error, warning or info");
                }
            }
        }
        if (!errors.isEmpty()) {
            rejected.add("enqueue " + errors);
            answer(exchange, 400, JSON.writeValueAsString(java.util.Map.of("status", "invalid event",
                    "message", "Event object is invalid", "errors", errors)));
            return;
        }
        events.add(new Event(body.path("routing_key").asText(), body.path("event_action").asText(),
                body.path("dedup_key").asText(), body.path("payload").path("summary").asText(null)));
        answer(exchange, 202, JSON.writeValueAsString(java.util.Map.of("status", "success",
                "message", "Event processed", "dedup_key", body.path("dedup_key").asText())));
    }

    private void webhook(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        List<String> errors = new ArrayList<>();
        if (body == null) {
            errors.add("body is not a JSON object with Content-Type application/json");
        } else {
            for (String field : List.of("deliveryId", "pageId", "action", "incidentId")) {
                text(body, field, 1, 255, errors);
            }
        }
        if (!errors.isEmpty()) {
            rejected.add("webhook " + errors);
            answer(exchange, 400, "{}");
            return;
        }
        deliveries.add(new Delivery(body.path("deliveryId").asText(), body.path("pageId").asText(),
                body.path("action").asText(), body.path("incidentId").asText()));
        answer(exchange, 204, null);
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!"POST".equals(exchange.getRequestMethod()) || type == null || !type.startsWith("application/json")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void text(JsonNode parent, String field, int min, int max, List<String> errors) {
        JsonNode value = parent.path(field);
        if (!value.isTextual() || value.asText().length() < min || value.asText().length() > max) {
            errors.add(field + " must be a string of " + min + " to " + max + " characters");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
