package io.firebreak.deploy.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Slack Web API. It records every call, and keeps what a channel holds as Slack does: every
 * posted message with its metadata, answered by conversations.history (newest first, metadata with
 * include_all_metadata, paged), chat.update and pins.add refusing a message that is not there. Armed with a text
 * fragment ({@link #killAfterPosting}), it takes the next post containing it and then, before answering, runs an action
 * (the crash drill's kill -9 of notification-service): the post is in the channel, the service never learnt it.
 */
public final class SlackStandIn implements AutoCloseable {

    /** The Slack app's signing secret the stacks are configured with and Slack's requests to Firebreak are signed with. */
    public static final String SIGNING_SECRET = "e2e-slack-signing-secret-0123456789";

    /** One Web API call as received. */
    public record Call(String method, Map<String, String> params) {
    }

    /** A message a channel holds. */
    public record Posted(String channel, String ts, String text, String firebreakId) {
    }

    /** The channels and every chat.postMessage text, read at one instant. */
    public record Snapshot(Map<String, List<Posted>> channels, List<String> postedTexts) {
    }

    private static final Pattern FIREBREAK_ID = Pattern.compile("\"firebreak_message_id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> channelIds = new ConcurrentHashMap<>();
    private final Map<String, List<Posted>> channels = new ConcurrentHashMap<>();
    private final Map<String, String> metadata = new ConcurrentHashMap<>();
    private final Set<String> pinned = ConcurrentHashMap.newKeySet();
    private final List<String> postedTexts = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(100);
    private final AtomicLong lastMicros = new AtomicLong();
    private final AtomicReference<String> armedFragment = new AtomicReference<>();
    private final AtomicReference<Runnable> armedAction = new AtomicReference<>();
    private final AtomicInteger kills = new AtomicInteger();

    public SlackStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "slack-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** Every call of one Web API method, in the order received. */
    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The id this stand-in gave the channel it created by that name, or null. */
    public String channelId(String name) {
        return channelIds.get(name);
    }

    /** The next post whose text contains {@code fragment} is taken, then {@code action} runs and no answer is sent. */
    public void killAfterPosting(String fragment, Runnable action) {
        armedAction.set(action);
        armedFragment.set(fragment);
    }

    /** How often an armed post was taken and its action run. */
    public int kills() {
        return kills.get();
    }

    /** The channels that hold messages. */
    public Set<String> channels() {
        return Set.copyOf(channels.keySet());
    }

    public List<Posted> messages(String channel) {
        return List.copyOf(channels.getOrDefault(channel, List.of()));
    }

    /** The text of every chat.postMessage received (one entry per call). */
    public List<String> postedTexts() {
        return List.copyOf(postedTexts);
    }

    /** Channels and posted texts as of one instant: no post lands between reading the one and the other. */
    public synchronized Snapshot snapshot() {
        Map<String, List<Posted>> held = new HashMap<>();
        channels.forEach((channel, messages) -> held.put(channel, List.copyOf(messages)));
        return new Snapshot(Map.copyOf(held), List.copyOf(postedTexts));
    }

    public boolean isPinned(String channel, String ts) {
        return pinned.contains(channel + "/" + ts);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        calls.add(new Call(method, params));
        String body = switch (method) {
            case "conversations.create" -> {
                String id = "C" + ids.incrementAndGet();
                channelIds.put(params.get("name"), id);
                yield "{\"ok\":true,\"channel\":{\"id\":\"" + id + "\",\"name\":\"" + params.get("name") + "\"}}";
            }
            case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D" + params.get("users") + "\"}}";
            // every Slack user U<NAME> is <name>@example.com, so the directory's people are found by e-mail
            case "users.info" -> {
                String user = params.getOrDefault("user", "");
                String name = user.isEmpty() ? "" : user.substring(1).toLowerCase(Locale.ROOT);
                yield "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"name\":\"" + name + "\",\"real_name\":\""
                        + name + "\",\"profile\":{\"real_name\":\"" + name + "\",\"display_name\":\"" + name
                        + "\",\"email\":\"" + name + "@example.com\"}}}";
            }
            case "chat.getPermalink" -> "{\"ok\":true,\"permalink\":\"https://acme.slack.com/archives/"
                    + params.get("channel") + "/p1\"}";
            case "chat.postMessage" -> {
                Posted posted = store(params);
                String fragment = armedFragment.get();
                if (fragment != null && posted.text() != null && posted.text().contains(fragment)
                        && armedFragment.compareAndSet(fragment, null)) {
                    kills.incrementAndGet();
                    armedAction.get().run();
                    exchange.close();
                    yield null;
                }
                yield "{\"ok\":true,\"channel\":\"" + posted.channel() + "\",\"ts\":\"" + posted.ts() + "\"}";
            }
            case "conversations.history" -> history(params);
            case "pins.add" -> {
                String key = params.get("channel") + "/" + params.get("timestamp");
                yield messages(params.get("channel")).stream().noneMatch(m -> m.ts().equals(params.get("timestamp")))
                        ? "{\"ok\":false,\"error\":\"message_not_found\"}"
                        : pinned.add(key) ? "{\"ok\":true}" : "{\"ok\":false,\"error\":\"already_pinned\"}";
            }
            case "chat.update" -> messages(params.get("channel")).stream().anyMatch(m -> m.ts().equals(params.get("ts")))
                    ? "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + params.get("ts") + "\"}"
                    : "{\"ok\":false,\"error\":\"message_not_found\"}";
            default -> "{\"ok\":true}";
        };
        if (body == null) {
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private synchronized Posted store(Map<String, String> params) {
        long micros = lastMicros.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
        String ts = String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
        String raw = params.get("metadata");
        Matcher id = raw == null ? null : FIREBREAK_ID.matcher(raw);
        Posted posted = new Posted(params.get("channel"), ts, params.get("text"), id != null && id.find() ? id.group(1) : null);
        if (raw != null) {
            metadata.put(posted.channel() + "/" + ts, raw);
        }
        postedTexts.add(String.valueOf(posted.text()));
        channels.computeIfAbsent(posted.channel(), c -> new CopyOnWriteArrayList<>()).add(posted);
        return posted;
    }

    private String history(Map<String, String> params) {
        List<Posted> all = new ArrayList<>(messages(params.get("channel")));
        Collections.reverse(all);
        int limit = params.containsKey("limit") ? Integer.parseInt(params.get("limit")) : 100;
        String cursor = params.get("cursor");
        int from = cursor == null || cursor.isBlank() ? 0 : Integer.parseInt(cursor.substring("next_".length()));
        boolean withMetadata = "1".equals(params.get("include_all_metadata"))
                || "true".equals(params.get("include_all_metadata"));
        List<String> page = new ArrayList<>();
        for (Posted m : all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()))) {
            String raw = metadata.get(m.channel() + "/" + m.ts());
            page.add("{\"type\":\"message\",\"ts\":\"" + m.ts() + "\""
                    + (withMetadata && raw != null ? ",\"metadata\":" + raw : "") + "}");
        }
        boolean more = from + limit < all.size();
        return "{\"ok\":true,\"messages\":[" + String.join(",", page) + "],\"has_more\":" + more
                + ",\"response_metadata\":{\"next_cursor\":\"" + (more ? "next_" + (from + limit) : "") + "\"}}";
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

    @Override
    public void close() {
        server.stop(0);
    }
}
