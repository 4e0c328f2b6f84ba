package io.firebreak.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What Slack sends Firebreak's request URL, in Slack's documented formats (slash command form body; interactivity as
 * {@code payload=<json>}), signed as Slack signs (v0, HMAC-SHA256 of {@code v0:<timestamp>:<body>}).
 */
final class SlackRequests {

    static final String SECRET = io.firebreak.deploy.testing.SlackStandIn.SIGNING_SECRET;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SlackRequests() {
    }

    static String slashCommand(String channelId, String channelName, String userId, String text) {
        return form("token", "e2e", "team_id", "T0ACME001", "team_domain", "acme", "channel_id", channelId,
                "channel_name", channelName, "user_id", userId, "user_name", userId.substring(1).toLowerCase(),
                "command", "/inc", "text", text, "api_app_id", "A0FIREBRK", "is_enterprise_install", "false",
                "response_url", "https://hooks.slack.com/commands/T0ACME001/1/e2e", "trigger_id", "1337.42.e2e");
    }

    /** A view_submission of a modal Firebreak opened: its callback id and private metadata, and the field values. */
    static String viewSubmission(String userId, String callbackId, String privateMetadata, ObjectNode values) {
        ObjectNode payload = JSON.createObjectNode().put("type", "view_submission");
        payload.putObject("team").put("id", "T0ACME001").put("domain", "acme");
        payload.putObject("user").put("id", userId).put("username", userId.substring(1).toLowerCase())
                .put("name", userId.substring(1).toLowerCase()).put("team_id", "T0ACME001");
        payload.put("api_app_id", "A0FIREBRK").put("token", "e2e").put("trigger_id", "1337.43.e2e");
        ObjectNode view = payload.putObject("view").put("id", "V0E2E").put("team_id", "T0ACME001").put("type", "modal")
                .put("callback_id", callbackId).put("private_metadata", privateMetadata);
        view.putObject("title").put("type", "plain_text").put("text", "Firebreak");
        view.putObject("state").set("values", values);
        view.put("hash", "1.2").put("app_id", "A0FIREBRK").put("bot_id", "B0FIREBRK");
        payload.putArray("response_urls");
        payload.put("is_enterprise_install", false);
        return form("payload", payload.toString());
    }

    /** One input block of a view's state: {@code block_id → {action_id "value" → element}}. */
    static void text(ObjectNode values, String block, String value) {
        values.putObject(block).putObject("value").put("type", "plain_text_input").put("value", value);
    }

    static void select(ObjectNode values, String block, String value) {
        ObjectNode option = values.putObject(block).putObject("value").put("type", "static_select")
                .putObject("selected_option");
        option.putObject("text").put("type", "plain_text").put("text", value);
        option.put("value", value);
    }

    static void multiSelect(ObjectNode values, String block, String value) {
        ObjectNode option = values.putObject(block).putObject("value").put("type", "multi_static_select")
                .putArray("selected_options").addObject();
        option.putObject("text").put("type", "plain_text").put("text", value);
        option.put("value", value);
    }

    /** Posts a signed body to the request URL and returns the response. */
    static HttpResponse<String> post(String notificationUrl, String body) throws Exception {
        long timestamp = System.currentTimeMillis() / 1000;
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(notificationUrl
                        + "/api/v1/integrations/slack"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Slack request %s → %s", body, response.body()).isEqualTo(200);
        return response;
    }

    static String sign(long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }
}
