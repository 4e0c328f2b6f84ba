package io.firebreak.notification.slackapp;

import com.google.gson.Gson;

/**
 * What a modal carries from where it was opened to its submission ({@code private_metadata}, at most 3000
 * characters): the channel asked in (for the answer), the incident, and for a timeline note the message's timestamp
 * and text. Slack returns it unchanged only inside a signed request, so it is trusted like the rest of the payload.
 */
record ViewMetadata(String channel, String incident, String messageTs, String text) {

    private static final Gson GSON = new Gson();
    static final int MAX = 3000;

    String json() {
        return GSON.toJson(this);
    }

    static ViewMetadata of(String json) {
        ViewMetadata metadata = json == null || json.isBlank() ? null : GSON.fromJson(json, ViewMetadata.class);
        return metadata == null ? new ViewMetadata(null, null, null, null) : metadata;
    }
}
