package io.firebreak.notification.web;

import io.firebreak.notification.engine.LinkAcknowledgements.LinkedPage;
import io.firebreak.notification.engine.LinkAcknowledgements.Outcome;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML a phone shows for an acknowledge link: the confirmation with its button, the result, or why the link no
 * longer works. Every value from the database is escaped; no page repeats the link's token.
 */
final class AckLinkPages {

    /** A rendered page and its status. */
    record Rendered(HttpStatus status, String html) {
    }

    private AckLinkPages() {
    }

    static Rendered of(Outcome outcome) {
        if (outcome instanceof Outcome.Ready ready) {
            return new Rendered(HttpStatus.OK, page("Acknowledge this page?", incident(ready.page())
                    + "<p>Acknowledging as <strong>" + esc(ready.personName()) + "</strong> stops the escalation:"
                    + " nobody further is paged.</p>" + state(ready.page())
                    + "<form method=\"post\"><button type=\"submit\">Acknowledge</button></form>"));
        }
        if (outcome instanceof Outcome.Redeemed done) {
            return done.acknowledgedNow()
                    ? new Rendered(HttpStatus.OK, page("Acknowledged", incident(done.page()) + "<p>Thank you, "
                            + esc(done.personName()) + ". The page is acknowledged and the escalation has stopped."
                            + " Join the incident channel to help.</p>"))
                    : new Rendered(HttpStatus.OK, page("Nothing to acknowledge", incident(done.page())
                            + "<p>Paging for this incident had already stopped"
                            + (done.page().acknowledgedBy() == null ? ""
                                    : " (acknowledged by " + esc(done.page().acknowledgedBy()) + ")")
                            + ", so nothing changed.</p>"));
        }
        if (outcome instanceof Outcome.AlreadyUsed) {
            return new Rendered(HttpStatus.GONE, page("Link already used",
                    "<p>This acknowledge link was used already. Each link works once.</p>"));
        }
        if (outcome instanceof Outcome.Expired) {
            return new Rendered(HttpStatus.GONE, page("Link expired",
                    "<p>This acknowledge link has expired. Acknowledge in Slack, with the CLI or the API.</p>"));
        }
        if (outcome instanceof Outcome.BadSignature) {
            return new Rendered(HttpStatus.FORBIDDEN, page("Link not valid",
                    "<p>This acknowledge link was not issued by Firebreak or has been altered.</p>"));
        }
        if (outcome instanceof Outcome.UnknownPage) {
            return new Rendered(HttpStatus.NOT_FOUND, page("Page not found",
                    "<p>Firebreak holds no page for this link.</p>"));
        }
        return new Rendered(HttpStatus.BAD_REQUEST, page("Not an acknowledge link",
                "<p>This address is not a complete acknowledge link. Copy the whole link from the page.</p>"));
    }

    private static String incident(LinkedPage page) {
        return "<p>" + esc(page.marks().plain()) + "<strong>" + esc(page.reference()) + "</strong> " + esc(page.title()) + " <em>("
                + esc(page.severity().toLowerCase(java.util.Locale.ROOT)) + ")</em></p>";
    }

    private static String state(LinkedPage page) {
        if ("ACKNOWLEDGED".equals(page.escalationState()) || "RESOLVED".equals(page.escalationState())
                || !"TRIGGERED".equals(page.state())) {
            return "<p>Paging for this incident has already stopped; acknowledging changes nothing.</p>";
        }
        return "";
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + esc(title) + " · Firebreak</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}"
                + "button{font-size:1.25rem;padding:.75rem 2rem}</style></head><body><h1>" + esc(title) + "</h1>"
                + body + "</body></html>";
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
