package io.firebreak.deploy.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slack's Web API for the alert clock (issue 19: "Slack channel created"): notification-service's Slack client
 * ({@code FIREBREAK_SLACK_API_URL}) points here during the alert steps. Each channel's {@code conversations.create}
 * is timed on arrival; every other method gets the smallest successful answer the official client accepts, so the
 * service's outbox moves on as it would against Slack. It keeps no messages: the end-to-end suites' stand-in checks
 * what is posted, this only times it.
 */
final class SlackReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final Map<String, Long> channelCreated = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    SlackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.createContext("/api/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    /** The Web API base URL, as notification-service's {@code FIREBREAK_SLACK_API_URL} takes it. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** When the channel's {@code conversations.create} arrived ({@link System#nanoTime()}), or null. */
    Long channelCreated(String name) {
        return name == null ? null : channelCreated.get(name);
    }

    /** How many calls of each Web API method arrived so far. */
    Map<String, Long> calls() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        calls.forEach((method, count) -> counts.put(method, count.get()));
        return counts;
    }

    private void answer(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = Long.toString(sequence.incrementAndGet());
        calls.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
        String body = switch (method) {
            case "conversations.create" -> {
                String name = parameter(form, "name");
                channelCreated.putIfAbsent(name, arrived);
                yield "{\"ok\":true,\"channel\":{\"id\":\"C" + id + "\",\"name\":\"" + name + "\"}}";
            }
            case "chat.postMessage", "chat.update" -> "{\"ok\":true,\"channel\":\"" + parameter(form, "channel")
                    + "\",\"ts\":\"1700000000." + id + "\"}";
            case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D" + id + "\"}}";
            case "conversations.history" -> "{\"ok\":true,\"messages\":[]}";
            // the official client asks which workspace a token belongs to once and caches the answer's team_id;
            // without one it asks again before every call (measured: 484 auth.test calls for 116 channels)
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://example.slack.com/\",\"team\":\"Example\","
                    + "\"user\":\"firebreak\",\"team_id\":\"T0BENCH\",\"user_id\":\"U0BENCH\",\"bot_id\":\"B0BENCH\"}";
            case "chat.getPermalink" -> "{\"ok\":true,\"permalink\":\"https://example.slack.com/archives/p" + id + "\"}";
            default -> "{\"ok\":true}";
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String parameter(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
