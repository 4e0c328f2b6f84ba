package io.firebreak.statuspage.subscribers.domain;

import java.time.Instant;

/**
 * The words of every message to subscribers, plain text. Everything in {@link IncidentFacts} is already public;
 * the unsubscribe footer is added per recipient when a delivery is sent.
 */
public final class NoticeText {

    private NoticeText() {
    }

    /** Subject and body of a message. */
    public record Message(String subject, String body) {
    }

    public static Message incidentUpdate(String pageName, String pageUrl, IncidentFacts incident) {
        String subject = "[" + pageName + "] " + incident.title() + ": " + capitalised(incident.status());
        StringBuilder body = new StringBuilder();
        body.append(incident.title()).append("\n\n");
        body.append("Status: ").append(capitalised(incident.status())).append('\n');
        if (!incident.components().isEmpty()) {
            body.append("Affected: ").append(String.join(", ", incident.components())).append('\n');
        }
        if (incident.latestUpdate() != null) {
            body.append('\n').append(incident.latestUpdate()).append('\n');
        }
        body.append("\nFollow this incident: ").append(incidentUrl(pageUrl, incident.incidentId())).append('\n');
        return new Message(subject, body.toString());
    }

    /** The customer e-mail draft (issue 17 item 6): public title, impact window, what we are doing, what you can do. */
    public static Message customerEmail(String pageName, String pageUrl, IncidentFacts incident, Instant now) {
        String subject = (incident.resolvedAt() == null ? "" : "Resolved: ") + incident.title();
        StringBuilder body = new StringBuilder();
        body.append(incident.title()).append("\n\n");
        body.append("Impact: ").append(ImpactWindow.describe(incident.startedAt(), incident.resolvedAt(), now));
        if (!incident.components().isEmpty()) {
            body.append(", affecting ").append(String.join(", ", incident.components()));
        }
        body.append(".\n\n");
        if (incident.latestUpdate() != null) {
            body.append("What we are doing: ").append(incident.latestUpdate()).append("\n\n");
        }
        if (incident.whatYouCanDo() != null && !incident.whatYouCanDo().isBlank()) {
            body.append("What you can do: ").append(incident.whatYouCanDo()).append("\n\n");
        }
        body.append("Current status: ").append(incidentUrl(pageUrl, incident.incidentId())).append('\n');
        body.append("— ").append(pageName).append('\n');
        return new Message(subject, body.toString());
    }

    public static Message confirmation(String pageName, String confirmUrl, java.time.Duration linkTtl) {
        return new Message("Confirm your subscription to " + pageName,
                "Someone (hopefully you) asked to get " + pageName + " incident notices at this address.\n\n"
                        + "Confirm the subscription: " + confirmUrl + "\n\n"
                        + "The link works for " + linkTtl.toHours() + " hours. If you did not ask, ignore this message: nothing will be"
                        + " sent unless the subscription is confirmed.\n");
    }

    public static String unsubscribeFooter(String unsubscribeUrl) {
        return "\n--\nYou get this because you subscribed to these notices. Unsubscribe: " + unsubscribeUrl + "\n";
    }

    public static String incidentUrl(String pageUrl, String incidentId) {
        return stripSlash(pageUrl) + "/incidents/" + incidentId;
    }

    public static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String capitalised(String status) {
        return status == null || status.isEmpty() ? "" : Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }
}
