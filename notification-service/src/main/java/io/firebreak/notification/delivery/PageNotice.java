package io.firebreak.notification.delivery;

import io.firebreak.notification.domain.IncidentMarks;
import io.firebreak.notification.domain.SlackText;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What every contact method says about a page, in one place: the incident reference, title, severity, the link to
 * the incident's Slack channel and, when one was issued, the acknowledge link; a drill or a security incident is
 * marked DRILL or SECURITY in every form. Transports pick the form they need: a subject and a body (e-mail, push,
 * webhook), one line (SMS, several when the throttle bundles them) or speech.
 */
public record PageNotice(String pageId, String incidentId, String personId, String reference, String title,
        String severity, int level, URI channelLink, URI ackUrl, IncidentMarks marks) {

    public PageNotice {
        marks = marks == null ? IncidentMarks.NONE : marks;
    }

    /** This notice without the DRILL mark, for a Slack DM: the Slack outbox marks every message of a drill itself. */
    PageNotice forSlack() {
        return new PageNotice(pageId, incidentId, personId, reference, title, severity, level, channelLink, ackUrl,
                marks.withoutDrill());
    }

    /** Twilio's limit for a message body. */
    static final int MAX_SMS = 1600;
    /** A call reads at most this many pages (TwiML is limited to 4000 characters; people hang up sooner). */
    static final int MAX_SPOKEN = 5;

    /** "[Critical] INC-7 Checkout down", "DRILL · [Critical] INC-7 Checkout down" */
    public String subject() {
        return marks.plain() + "[" + SlackText.words(severity) + "] " + reference + " " + title;
    }

    /** Where to go: the channel, and how to acknowledge. */
    public String body() {
        return marks.plain() + "You are paged for " + reference + " " + title + " (" + SlackText.words(severity) + ", "
                + (level == 0 ? "paged by hand" : "escalation level " + level) + ").\n"
                + (channelLink == null ? "" : "Incident channel: " + channelLink + "\n")
                + "Acknowledge: " + acknowledge() + "\n";
    }

    /** The signed link, or the API call when no link was issued. */
    public String acknowledge() {
        return ackUrl != null ? ackUrl.toString() : "POST /api/v1/pages/" + pageId + "/ack";
    }

    /** One SMS for one page or a bundle of them (the throttle held the rest back). */
    public static String sms(List<PageNotice> notices) {
        if (notices.size() == 1) {
            PageNotice n = notices.get(0);
            return "Firebreak page: " + n.subject() + (n.channelLink == null ? "" : " " + n.channelLink)
                    + " Ack: " + n.acknowledge();
        }
        String text = "Firebreak: " + notices.size() + " pages: " + notices.stream()
                .map(n -> n.subject() + " (ack: " + n.acknowledge() + ")").collect(Collectors.joining("; "));
        return text.length() <= MAX_SMS ? text : text.substring(0, MAX_SMS - 1) + "…";
    }

    /** What a voice call says (no links: they are in the SMS, e-mail and push). */
    public static String speech(List<PageNotice> notices) {
        return "This is Firebreak. " + (notices.size() == 1 ? "You are paged for " : "You have " + notices.size()
                + " pages: ") + notices.stream().limit(MAX_SPOKEN).map(n -> n.marks.spoken()
                        + SlackText.words(n.severity) + " incident " + spoken(n.reference) + ", " + n.title).collect(Collectors.joining(". "))
                + (notices.size() > MAX_SPOKEN ? ", and " + (notices.size() - MAX_SPOKEN) + " more" : "")
                + ". Acknowledge in Slack or in the app.";
    }

    /** "INC-7" read as "INC 7" rather than "INC minus 7". */
    private static String spoken(String reference) {
        return reference.replace('-', ' ');
    }
}
