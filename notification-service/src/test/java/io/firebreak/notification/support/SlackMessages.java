package io.firebreak.notification.support;

import io.firebreak.notification.support.FakeSlack.Posted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what the Slack stand-in holds: Firebreak's message ids (metadata), blocks and their buttons. */
public final class SlackMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SlackMessages() {
    }

    /** The Firebreak message id in a message's metadata, or null when it carries none. */
    public static String firebreakId(Posted message) {
        if (message.metadata() == null) {
            return null;
        }
        JsonNode metadata = JSON.readTree(message.metadata());
        if (!"firebreak_message".equals(metadata.path("event_type").asString())) {
            return null;
        }
        JsonNode id = metadata.path("event_payload").path("firebreak_message_id");
        return id.isMissingNode() ? null : id.asString();
    }

    /** Every text in the blocks (headers, sections, fields), joined by newlines. */
    public static String blockText(String blocks) {
        if (blocks == null) {
            return "";
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode block : JSON.readTree(blocks)) {
            if (block.has("text")) {
                texts.add(block.path("text").path("text").asString());
            }
            for (JsonNode field : block.path("fields")) {
                texts.add(field.path("text").asString());
            }
        }
        return String.join("\n", texts);
    }

    /** The buttons in the blocks: action id → value. */
    public static Map<String, String> buttons(String blocks) {
        Map<String, String> buttons = new java.util.LinkedHashMap<>();
        if (blocks == null) {
            return buttons;
        }
        for (JsonNode block : JSON.readTree(blocks)) {
            if ("actions".equals(block.path("type").asString())) {
                for (JsonNode element : block.path("elements")) {
                    if ("button".equals(element.path("type").asString())) {
                        buttons.put(element.path("action_id").asString(), element.path("value").asString());
                    }
                }
            }
        }
        return buttons;
    }
}
