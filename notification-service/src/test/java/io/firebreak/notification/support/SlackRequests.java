package io.firebreak.notification.support;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Recorded Slack requests (src/test/resources/slack, in Slack's documented formats) with their placeholders filled,
 * signed the v0 way with the test signing secret, and posted to the real endpoint.
 */
public final class SlackRequests {

    public static final String SECRET = "test-slack-signing-secret";
    public static final String PATH = "/api/v1/integrations/slack";
    private static final Gson GSON = new Gson();

    private SlackRequests() {
    }

    /** A slash command's form body. */
    public static String slashCommand(String channel, String user, String userName, String text) {
        return fixture("slash-command.form").replace("__CHANNEL__", form(channel))
                .replace("__CHANNEL_NAME__", "incident").replace("__USER__", form(user))
                .replace("__USER_NAME__", form(userName)).replace("__TEXT__", form(text)).strip();
    }

    /**
     * An interactive payload ({@code payload=<json>}): {@code __NAME__} placeholders replaced, each value as JSON when
     * the key starts with "json:" (a quoted, escaped string), else raw.
     */
    public static String interaction(String fixture, Map<String, Object> values) {
        String json = fixture(fixture);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            String key = value.getKey();
            boolean asJson = key.startsWith("json:");
            String name = "__" + (asJson ? key.substring(5) : key) + "__";
            json = json.replace(name, asJson ? GSON.toJson(value.getValue()) : String.valueOf(value.getValue()));
        }
        return "payload=" + form(json);
    }

    /** Values for {@link #interaction}: alternating keys and values. */
    public static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }

    /** The v0 signature Slack sends: HMAC-SHA256 of {@code v0:<timestamp>:<body>}. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the body signed now (the test clock) with the test secret. */
    public static WebTestClient.ResponseSpec post(WebTestClient client, String body) {
        long now = MutableClock.INSTANCE.instant().getEpochSecond();
        return post(client, body, now, sign(SECRET, now, body));
    }

    public static WebTestClient.ResponseSpec post(WebTestClient client, String body, long timestamp, String signature) {
        WebTestClient.RequestBodySpec request = client.post().uri(PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (signature != null) {
            request = request.header("X-Slack-Signature", signature);
        }
        return request.header("X-Slack-Request-Timestamp", Long.toString(timestamp)).bodyValue(body).exchange();
    }

    public static long now() {
        return MutableClock.INSTANCE.instant().getEpochSecond();
    }

    public static Instant instant() {
        return MutableClock.INSTANCE.instant();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String fixture(String name) {
        try (InputStream in = SlackRequests.class.getResourceAsStream("/slack/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
