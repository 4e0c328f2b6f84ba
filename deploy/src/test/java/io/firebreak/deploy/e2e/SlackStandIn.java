package io.firebreak.deploy.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A local stand-in for the Slack Web API that records what Firebreak sends. */
final class SlackStandIn implements AutoCloseable {

    record Call(String method, Map<String, String> params) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(100);
    private final Map<String, String> channels = new java.util.concurrent.ConcurrentHashMap<>();

    SlackStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", exchange -> {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> params = new HashMap<>();
            for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            calls.add(new Call(method, params));
            int id = ids.incrementAndGet();
            String body = switch (method) {
                case "conversations.create" -> {
                    channels.put(params.get("name"), "C" + id);
                    yield "{\"ok\":true,\"channel\":{\"id\":\"C" + id + "\",\"name\":\"" + params.get("name") + "\"}}";
                }
                // every Slack user U<NAME> is <name>@example.com, so the directory's people are found by e-mail
                case "users.info" -> {
                    String user = params.getOrDefault("user", "");
                    String name = user.substring(1).toLowerCase(java.util.Locale.ROOT);
                    yield "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"name\":\"" + name + "\",\"real_name\":\""
                            + name + "\",\"profile\":{\"real_name\":\"" + name + "\",\"display_name\":\"" + name
                            + "\",\"email\":\"" + name + "@example.com\"}}}";
                }
                case "conversations.history" -> "{\"ok\":true,\"messages\":[],\"has_more\":false}";
                case "chat.getPermalink" -> "{\"ok\":true,\"permalink\":\"https://acme.slack.com/archives/"
                        + params.get("channel") + "/p1\"}";
                case "chat.postMessage" -> "{\"ok\":true,\"ts\":\"" + id + ".0001\",\"channel\":\"" + params.get("channel")
                        + "\"}";
                case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D" + id + "\"}}";
                default -> "{\"ok\":true}";
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "slack-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** The id this stand-in gave the channel it created by that name, or null. */
    String channelId(String name) {
        return channels.get(name);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
