package io.firebreak.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stand-ins for the contact-method providers, started once per JVM: a Twilio-compatible API that checks what
 * Twilio checks (HTTP Basic auth with the account SID and token, the SID in the path, a form-encoded POST with
 * To/From and Body or Twiml, E.164 numbers) and answers as Twilio does (201 with a resource, or 401/400 with
 * Twilio's error body); PagerDuty Events v2 (checking the event's documented fields); a webhook receiver; an ntfy server that takes POSTs to a topic and answers with the message it published; and
 * GreenMail, a real SMTP server. Whatever a stand-in refuses is recorded too, so a test can show nothing was refused.
 */
public final class FakeProviders {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "twilio-test-auth-token";
    public static final String FROM = "+15005550006";

    /** One request a stand-in accepted or refused. */
    public record Request(String path, Map<String, String> headers, Map<String, String> form, String body,
            int status) {

        public boolean accepted() {
            return status / 100 == 2;
        }
    }

    private static FakeProviders instance;

    private final HttpServer server;
    private final GreenMail smtp;
    private final List<Request> twilio = new CopyOnWriteArrayList<>();
    private final List<Request> ntfy = new CopyOnWriteArrayList<>();
    private final List<Request> pagerDuty = new CopyOnWriteArrayList<>();
    private final List<Request> webhooks = new CopyOnWriteArrayList<>();
    private final JsonMapper json = JsonMapper.builder().build();

    private FakeProviders() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/2010-04-01/", this::twilio);
        server.createContext("/ntfy/", this::ntfy);
        server.createContext("/v2/enqueue", this::pagerDuty);
        server.createContext("/hooks/", this::webhook);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-providers");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    public static synchronized FakeProviders get() {
        if (instance == null) {
            try {
                instance = new FakeProviders();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An ntfy topic URL on the stand-in. */
    public String topicUrl(String topic) {
        return baseUrl() + "/ntfy/" + topic;
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public GreenMail smtp() {
        return smtp;
    }

    public List<Request> twilio() {
        return List.copyOf(twilio);
    }

    /** Accepted Twilio requests to one number, of one resource ("Messages" or "Calls"). */
    public List<Request> twilio(String resource, String to) {
        return twilio.stream().filter(r -> r.accepted() && r.path().endsWith("/" + resource + ".json")
                && to.equals(r.form().get("To"))).toList();
    }

    public String pagerDutyUrl() {
        return baseUrl() + "/v2/enqueue";
    }

    public String webhookUrl(String name) {
        return baseUrl() + "/hooks/" + name;
    }

    /** PagerDuty events (accepted or refused) for one routing key. */
    public List<Request> pagerDuty(String routingKey) {
        return pagerDuty.stream().filter(r -> r.body().contains("\"" + routingKey + "\"")).toList();
    }

    public List<Request> webhook(String name) {
        return webhooks.stream().filter(r -> r.path().equals("/hooks/" + name)).toList();
    }

    public List<Request> ntfy(String topic) {
        return ntfy.stream().filter(r -> r.path().equals("/ntfy/" + topic)).toList();
    }

    private void twilio(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = form(body);
        String expectedAuth = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        int status;
        String answer;
        boolean messages = path.equals("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
        boolean calls = path.equals("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json");
        if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status = 401;
            answer = "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}";
        } else if (!exchange.getRequestMethod().equals("POST") || !(messages || calls)) {
            status = 404;
            answer = "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}";
        } else if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")
                || !e164(form.get("To")) || !FROM.equals(form.get("From"))
                || messages && blank(form.get("Body")) || calls && blank(form.get("Twiml"))
                || messages && form.get("Body").length() > 1600
                || calls && !form.get("Twiml").startsWith("<Response>")) {
            status = 400;
            answer = "{\"code\":21604,\"message\":\"A required parameter is missing or invalid\",\"status\":400}";
        } else {
            status = 201;
            answer = messages
                    ? "{\"sid\":\"SM" + "0".repeat(32) + "\",\"status\":\"queued\",\"to\":\"" + form.get("To") + "\"}"
                    : "{\"sid\":\"CA" + "0".repeat(32) + "\",\"status\":\"queued\",\"to\":\"" + form.get("To") + "\"}";
        }
        twilio.add(new Request(path, headers(exchange), form, body, status));
        respond(exchange, status, answer);
    }

    private void ntfy(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String topic = path.substring("/ntfy/".length());
        int status = exchange.getRequestMethod().equals("POST") && topic.matches("[-_A-Za-z0-9]{1,64}")
                && !body.isBlank() ? 200 : 400;
        ntfy.add(new Request(path, headers(exchange), Map.of(), body, status));
        respond(exchange, status, status == 200
                ? "{\"id\":\"sPs71M8A2T\",\"time\":1700000000,\"event\":\"message\",\"topic\":\"" + topic + "\"}"
                : "{\"code\":40001,\"http\":400,\"error\":\"invalid request\"}");
    }

    /**
     * PagerDuty Events API v2: a JSON event with a 32-character routing key, an event action, and for a trigger a
     * payload with summary (at most 1024 characters), source and severity (critical, error, warning or info).
     * Answers 202 with the dedup key, or 400 "Event object is invalid".
     */
    private void pagerDuty(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = 400;
        String dedupKey = null;
        try {
            JsonNode event = json.readTree(body);
            JsonNode payload = event.path("payload");
            String action = event.path("event_action").asString("");
            boolean valid = exchange.getRequestMethod().equals("POST")
                    && String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json")
                    && event.path("routing_key").asString("").length() == 32
                    && Set.of("trigger", "acknowledge", "resolve").contains(action)
                    && (!action.equals("trigger") || !payload.path("summary").asString("").isBlank()
                            && payload.path("summary").asString("").length() <= 1024
                            && !payload.path("source").asString("").isBlank()
                            && Set.of("critical", "error", "warning", "info").contains(payload.path("severity").asString("")))
                    && (action.equals("trigger") || !event.path("dedup_key").asString("").isBlank());
            if (valid) {
                status = 202;
                dedupKey = event.path("dedup_key").asString("");
            }
        } catch (RuntimeException notJson) {
            status = 400;
        }
        pagerDuty.add(new Request("/v2/enqueue", headers(exchange), Map.of(), body, status));
        respond(exchange, status, status == 202
                ? "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + dedupKey + "\"}"
                : "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[]}");
    }

    /** A receiver of Firebreak's own webhook: JSON in, 204 out. */
    private void webhook(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean json = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                .startsWith("application/json");
        webhooks.add(new Request(exchange.getRequestURI().getPath(), headers(exchange), Map.of(), body,
                json ? 204 : 415));
        exchange.sendResponseHeaders(json ? 204 : 415, -1);
        exchange.close();
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        return headers;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static boolean e164(String number) {
        return number != null && number.matches("\\+[1-9][0-9]{6,14}");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
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
