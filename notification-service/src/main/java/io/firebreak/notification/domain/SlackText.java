package io.firebreak.notification.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What Firebreak says in Slack, in plain language. */
public final class SlackText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SlackText() {
    }

    /** Slack's limit for a channel name. */
    public static final int MAX_CHANNEL_NAME = 80;

    /** The channel name as Slack can take it: cut to {@value #MAX_CHANNEL_NAME} characters, never mid-emoji. */
    public static String channelName(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_CHANNEL_NAME) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, MAX_CHANNEL_NAME));
    }

    public static String statusLine(String reference, String severity, String status, String title) {
        return reference + " · " + words(severity) + " · " + words(status) + " · " + title;
    }

    public static String announcement(String reference, String title, String severity, String channel) {
        return ":rotating_light: " + words(severity) + " incident declared: *" + reference + "* " + title
                + " — join <#" + channel + ">";
    }

    public static String update(String audience, String happening, String affected, String doing, Instant next) {
        StringBuilder text = new StringBuilder(":memo: *")
                .append(audience.equals("CUSTOMER") ? "Customer update" : "Internal update").append("*\n")
                .append("*What is happening:* ").append(happening);
        if (affected != null) {
            text.append("\n*Who is affected:* ").append(affected);
        }
        if (doing != null) {
            text.append("\n*What we are doing:* ").append(doing);
        }
        text.append("\n*Next update:* ").append(next == null ? "none promised" : "by " + TIME.format(next));
        return text.toString();
    }

    /** The text cut to {@code max} characters (an ellipsis marks the cut), never mid-emoji. */
    public static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** "14:05 UTC" */
    public static String time(Instant at) {
        return TIME.format(at);
    }

    public static String words(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
