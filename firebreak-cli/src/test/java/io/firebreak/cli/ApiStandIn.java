package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP stand-in for one Firebreak service: answers as the handler says (problems as
 * {@code application/problem+json}) and records every request the CLI sent, so tests check request shapes.
 */
final class ApiStandIn implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the service received it. */
    record Request(String method, String path, String query, String authorization, String contentType, String source,
            String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    record Answer(int status, String body) {
    }

    interface Handler {
        Answer answer(Request request) throws IOException;
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private ApiStandIn(HttpServer server) {
        this.server = server;
    }

    static ApiStandIn start(Handler handler) throws IOException {
        ApiStandIn standIn = new ApiStandIn(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        standIn.server.createContext("/", http -> {
            Request request = new Request(http.getRequestMethod(), http.getRequestURI().getPath(),
                    http.getRequestURI().getQuery(), http.getRequestHeaders().getFirst("Authorization"),
                    http.getRequestHeaders().getFirst("Content-Type"),
                    http.getRequestHeaders().getFirst("X-Firebreak-Source"),
                    new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            standIn.requests.add(request);
            Answer answer = handler.answer(request);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            http.getResponseHeaders().add("Content-Type", answer.status() >= 400 ? "application/problem+json"
                    : "application/json");
            http.sendResponseHeaders(answer.status(), bytes.length);
            http.getResponseBody().write(bytes);
            http.close();
        });
        standIn.server.start();
        return standIn;
    }

    /** A problem+json answer as the services write it (service-support's Problems). */
    static Answer problem(int status, String title, String type, String detail, String field, String rule) {
        var problem = JSON.createObjectNode().put("type", "https://firebreak.dev/problems/" + type).put("title", title)
                .put("status", status).put("detail", detail);
        if (field != null) {
            problem.put("field", field);
        }
        if (rule != null) {
            problem.put("rule", rule);
        }
        return new Answer(status, problem.toString());
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return requests;
    }

    /** The requests other than the reads (GET) that resolve a reference. */
    List<Request> writes() {
        return requests.stream().filter(r -> !r.method().equals("GET")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
