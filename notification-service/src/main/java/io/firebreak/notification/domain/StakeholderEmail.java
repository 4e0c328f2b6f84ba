package io.firebreak.notification.domain;

import java.util.List;

/**
 * One stakeholder e-mail (docs/process.md#stakeholder-updates: support, customer success and leadership follow a
 * Major or Critical incident's updates, and get a note once it is mitigated): subject and plain-text body, built from
 * the incident as it was at the event and what happened (its free texts already redacted of secrets and personal data:
 * engine.StakeholderEmails). A security incident's e-mail says only its
 * reference, severity, "security incident", what kind of thing happened and where the details are, as #engineering's
 * broadcast does; a drill's is marked DRILL.
 */
public record StakeholderEmail(String subject, String body) {

    /** The incident as the e-mail tells it; {@code channelLink} is a link to its Slack channel (or its name). */
    public record Incident(String reference, String title, String severity, String status, String lead,
            String channelLink, String incidentLink, boolean drill, boolean security) {
    }

    /**
     * What happened: {@code what} names it in the subject and for a security incident ("internal update posted",
     * "mitigated"), {@code headline} opens the body ("Internal update, 14:05 UTC"), {@code lines} follow it.
     */
    public record News(String what, String headline, List<String> lines) {
    }

    public static StakeholderEmail of(Incident incident, News news) {
        String severity = SlackText.words(incident.severity());
        String drill = incident.drill() ? "[DRILL] " : "";
        if (incident.security()) {
            return new StakeholderEmail(drill + "[Firebreak] " + incident.reference() + " · " + severity
                    + " · security incident: " + news.what(),
                    (incident.drill() ? "This is a drill.\n\n" : "") + incident.reference() + " · " + severity
                            + " · security incident: " + news.what() + ".\n\nDetails stay in the incident channel: "
                            + incident.channelLink() + "\n");
        }
        StringBuilder body = new StringBuilder();
        if (incident.drill()) {
            body.append("This is a drill.\n\n");
        }
        body.append(incident.reference()).append(" · ").append(severity).append(" · ").append(incident.title())
                .append('\n').append("Status: ").append(SlackText.words(incident.status())).append(" · Lead: ")
                .append(incident.lead() == null ? "nobody yet" : incident.lead()).append("\n\n")
                .append(news.headline()).append('\n');
        news.lines().forEach(line -> body.append(line).append('\n'));
        body.append("\nChannel: ").append(incident.channelLink()).append('\n')
                .append("Incident: ").append(incident.incidentLink()).append('\n');
        return new StakeholderEmail(drill + "[Firebreak] " + incident.reference() + " · " + severity + " · "
                + SlackText.cut(incident.title(), 120) + ": " + news.what(), body.toString());
    }
}
