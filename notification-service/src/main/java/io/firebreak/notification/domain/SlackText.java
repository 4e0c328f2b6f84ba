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

    public static String summary(String reference, String title, String severity, String status, String summary,
            String lead, boolean customerImpact, String link) {
        return ":rotating_light: *" + reference + ": " + title + "*\n"
                + "*Severity:* " + words(severity) + "   *Status:* " + words(status) + "   *Customer impact:* "
                + (customerImpact ? "yes" : "no") + "\n"
                + (summary == null || summary.isBlank() ? "" : summary.strip() + "\n")
                + "*Lead:* " + (lead == null ? "not assigned yet" : lead) + "\n"
                + "*What happens next:* investigate and post an update answering what is happening, who is affected,"
                + " what we are doing and when the next update comes.\n" + link;
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

    public static String words(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
