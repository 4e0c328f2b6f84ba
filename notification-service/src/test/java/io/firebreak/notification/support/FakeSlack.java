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
    /** Channel id → how many of its next chat.postMessage calls are answered 429. */
    private final Map<String, AtomicInteger> rateLimitPosts = new ConcurrentHashMap<>();
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

    /**
     * The next {@code n} chat.postMessage calls to one channel get 429 with Retry-After: 1. Scoped to the channel so
     * that another test's posts, still draining, cannot use up the refusals meant for this one.
     */
    public void rateLimitNextPosts(String channelId, int n) {
        rateLimitPosts.put(channelId, new AtomicInteger(n));
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
                AtomicInteger refusals = rateLimitPosts.get(String.valueOf(params.get("channel")));
                if (refusals != null && refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 429;
                    body = "{\"ok\":false,\"error\":\"ratelimited\"}";
                    exchange.getResponseHeaders().add("Retry-After", "1");
                } else {
                    Posted posted = store(params);
                    body = "{\"ok\":true,\"channel\":\"" + posted.channel() + "\",\"ts\":\"" + posted.ts() + "\"}";
                    if (loseAnswer(posted.text()) || loseAnswerIn(posted.channel(), posted.text())) {
                        // posted, but the answer is lost: what the caller sees after a gateway failure
                        status = 502;
                        body = "<html><body>502 Bad Gateway</body></html>";
                    }
                }
            }
            case "conversations.open" -> body = "{\"ok\":true,\"channel\":{\"id\":\"D" + params.get("users") + "\"}}";
            // outbound messages (issue 15): history with metadata, edits and pins of stored messages
            case "conversations.history" -> body = history(params);
            case "chat.update" -> body = update(params);
            case "pins.add" -> body = pin(params);
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

    // ---- Outbound messages (issue 15): every chat.postMessage is stored per channel with its blocks and metadata
    // (the JSON strings the client sent); conversations.history (newest first, include_all_metadata, limit and
    // cursor), chat.update and pins.add work on them as Slack's Web API documents.

    /** A message the stand-in holds, as Slack would: its ts, text, blocks and metadata (JSON as sent, or null). */
    public record Posted(String channel, String ts, String text, String blocks, String metadata) {
    }

    private final Map<String, List<Posted>> channelMessages = new ConcurrentHashMap<>();
    private final Set<String> pinned = ConcurrentHashMap.newKeySet();
    /** Channels posted to by name ({@code #incidents}) get an id, as Slack answers with. */
    private final Map<String, String> namedChannels = new ConcurrentHashMap<>();
    private final Set<String> loseAnswersTo = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong lastMicros = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The next chat.postMessage whose text contains {@code fragment} is posted, but answered 502 Bad Gateway: the
     * caller cannot know that it worked.
     */
    public void loseAnswerToPostContaining(String fragment) {
        loseAnswersTo.add(fragment);
    }

    private final Set<String> loseAnswersIn = ConcurrentHashMap.newKeySet();

    /**
     * Like {@link #loseAnswerToPostContaining}, for the next post to one channel (its id) only: the same text may also
     * be broadcast elsewhere (#incidents), whose answer stays intact.
     */
    public void loseAnswerToPostIn(String channel, String fragment) {
        loseAnswersIn.add(channel + "\n" + fragment);
    }

    private boolean loseAnswerIn(String channel, String text) {
        return text != null && loseAnswersIn.stream()
                .filter(key -> key.startsWith(channel + "\n") && text.contains(key.substring(channel.length() + 1)))
                .findFirst().map(loseAnswersIn::remove).orElse(false);
    }

    private boolean loseAnswer(String text) {
        return text != null && loseAnswersTo.stream().filter(text::contains).findFirst().map(loseAnswersTo::remove)
                .orElse(false);
    }

    /** The messages a channel (its id, or {@code #name}) holds now (edits applied), oldest first. */
    public List<Posted> messages(String channel) {
        String id = channel.startsWith("#") ? namedChannels.get(channel.substring(1)) : channel;
        return id == null ? List.of() : List.copyOf(channelMessages.getOrDefault(id, List.of()));
    }

    /** Whether the message with this ts was pinned in the channel. */
    public boolean isPinned(String channel, String ts) {
        return pinned.contains(channel + "/" + ts);
    }

    private synchronized Posted store(Map<String, String> params) {
        // ts as Slack makes them: epoch seconds and a unique, increasing fraction
        long micros = lastMicros.updateAndGet(last -> Math.max(last + 1, Instant.now().toEpochMilli() * 1000));
        String ts = String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
        String channel = params.get("channel");
        if (channel != null && channel.startsWith("#")) {
            channel = namedChannels.computeIfAbsent(channel.substring(1), name -> "C" + ids.incrementAndGet());
        }
        Posted posted = new Posted(channel, ts, params.get("text"), params.get("blocks"), params.get("metadata"));
        channelMessages.computeIfAbsent(posted.channel(), c -> new CopyOnWriteArrayList<>()).add(posted);
        return posted;
    }

    private String history(Map<String, String> params) {
        List<Posted> all = new java.util.ArrayList<>(messages(params.get("channel")));
        java.util.Collections.reverse(all);
        int limit = params.containsKey("limit") ? Math.min(999, Integer.parseInt(params.get("limit"))) : 100;
        String cursor = params.get("cursor");
        int from = cursor == null || cursor.isBlank() ? 0 : Integer.parseInt(cursor.substring("next_".length()));
        boolean withMetadata = "true".equals(params.get("include_all_metadata")) || "1".equals(params.get("include_all_metadata"));
        List<String> page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size())).stream()
                .map(m -> "{\"type\":\"message\",\"subtype\":\"bot_message\",\"text\":" + json(m.text()) + ",\"ts\":\""
                        + m.ts() + "\"" + (m.blocks() == null ? "" : ",\"blocks\":" + m.blocks())
                        + (withMetadata && m.metadata() != null ? ",\"metadata\":" + m.metadata() : "") + "}")
                .toList();
        boolean more = from + limit < all.size();
        return "{\"ok\":true,\"messages\":[" + String.join(",", page) + "],\"has_more\":" + more
                + ",\"pin_count\":0,\"response_metadata\":{\"next_cursor\":\"" + (more ? "next_" + (from + limit) : "")
                + "\"}}";
    }

    private synchronized String update(Map<String, String> params) {
        String channel = params.get("channel");
        List<Posted> held = channelMessages.getOrDefault(channel, List.of());
        for (int i = 0; i < held.size(); i++) {
            Posted m = held.get(i);
            if (m.ts().equals(params.get("ts"))) {
                Posted edited = new Posted(channel, m.ts(), params.getOrDefault("text", m.text()),
                        params.getOrDefault("blocks", m.blocks()), params.getOrDefault("metadata", m.metadata()));
                held.set(i, edited);
                return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + m.ts() + "\",\"text\":"
                        + json(edited.text()) + "}";
            }
        }
        return "{\"ok\":false,\"error\":\"message_not_found\"}";
    }

    private String pin(Map<String, String> params) {
        String channel = params.get("channel");
        String ts = params.get("timestamp");
        if (messages(channel).stream().noneMatch(m -> m.ts().equals(ts))) {
            return "{\"ok\":false,\"error\":\"message_not_found\"}";
        }
        return pinned.add(channel + "/" + ts) ? "{\"ok\":true}" : "{\"ok\":false,\"error\":\"already_pinned\"}";
    }

    private static String json(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    // ---- end of outbound messages

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
