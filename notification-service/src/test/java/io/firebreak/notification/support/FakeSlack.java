package io.firebreak.notification.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Slack Web API, enough for the calls Firebreak makes: it records every call, answers as
 * Slack does, can refuse channel names as taken and answer 429 with Retry-After.
 */
public final class FakeSlack {

    /** One recorded API call. */
    public record Call(String method, Map<String, String> params, Instant at, int status) {
    }

    private static FakeSlack instance;

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> pagerDuty = new CopyOnWriteArrayList<>();
    private final Set<String> takenNames = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rateLimitPosts = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final Map<String, String> createdChannels = new ConcurrentHashMap<>();
    /** Slack inbound: users.info answers (id → name, e-mail). */
    private final Map<String, String[]> users = new ConcurrentHashMap<>();

    private FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::handle);
        // PagerDuty Events API v2 stand-in on the same server
        server.createContext("/v2/enqueue", exchange -> {
            pagerDuty.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"status\":\"success\",\"message\":\"Event processed\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-slack");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static synchronized FakeSlack get() {
        if (instance == null) {
            try {
                instance = new FakeSlack();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public String pagerDutyUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/enqueue";
    }

    /** Bodies of every PagerDuty event received. */
    public List<String> pagerDutyEvents() {
        return List.copyOf(pagerDuty);
    }

    public void takeName(String name) {
        takenNames.add(name);
    }

    /** The next {@code n} chat.postMessage calls get 429 with Retry-After: 1. */
    public void rateLimitNextPosts(int n) {
        rateLimitPosts.set(n);
    }

    /** The id the stand-in gave a channel it created by that name, as a one-element list (or empty). */
    public List<String> createdChannelIds(String name) {
        String id = createdChannels.get(name);
        return id == null ? List.of() : List.of(id);
    }

    /** Slack inbound: users.info knows this user (e-mail may be null). */
    public void user(String id, String name, String email) {
        users.put(id, new String[] {name, email});
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method) && c.status() == 200).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String body;
        int status = 200;
        switch (method) {
            case "conversations.create" -> {
                String name = params.get("name");
                if (takenNames.contains(name)) {
                    body = "{\"ok\":false,\"error\":\"name_taken\"}";
                } else {
                    String id = "C" + ids.incrementAndGet();
                    createdChannels.put(name, id);
                    body = "{\"ok\":true,\"channel\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}}";
                }
                takenNames.add(name);
            }
            case "chat.postMessage" -> {
                if (rateLimitPosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 429;
                    body = "{\"ok\":false,\"error\":\"ratelimited\"}";
                    exchange.getResponseHeaders().add("Retry-After", "1");
                } else {
                    body = "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + ids.incrementAndGet()
                            + ".000100\"}";
                }
            }
            case "conversations.open" -> body = "{\"ok\":true,\"channel\":{\"id\":\"D" + params.get("users") + "\"}}";
            // ---- Slack inbound (issue 15, slackapp): who a user is, and a message's permalink ----
            case "users.info" -> {
                String[] user = users.get(params.get("user"));
                body = user == null ? "{\"ok\":false,\"error\":\"user_not_found\"}"
                        : "{\"ok\":true,\"user\":{\"id\":\"" + params.get("user") + "\",\"name\":\"" + user[0]
                                + "\",\"real_name\":\"" + user[0] + "\",\"profile\":{\"real_name\":\"" + user[0]
                                + "\",\"display_name\":\"" + user[0] + "\"" + (user[1] == null ? ""
                                        : ",\"email\":\"" + user[1] + "\"") + "}}}";
            }
            case "chat.getPermalink" -> body = "{\"ok\":true,\"channel\":\"" + params.get("channel")
                    + "\",\"permalink\":\"https://acme.slack.com/archives/" + params.get("channel") + "/p"
                    + params.get("message_ts").replace(".", "") + "\"}";
            // ---- end of Slack inbound ----
            default -> body = "{\"ok\":true}";
        }
        calls.add(new Call(method, params, Instant.now(), status));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
