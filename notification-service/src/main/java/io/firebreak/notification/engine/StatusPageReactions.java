package io.firebreak.notification.engine;

import io.firebreak.notification.domain.SlackText;
import io.firebreak.schemas.incident.ComponentStatusSet;
import io.firebreak.schemas.incident.CustomerEmailSent;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.PublicWordingEdited;
import io.firebreak.schemas.incident.StatusPageHidden;
import io.firebreak.schemas.incident.StatusPagePublished;
import io.firebreak.support.jdbc.SequencedUpdate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the comms owner did on the public side (issue 17, schemas release 8) as the incident channel hears it: one
 * line each, saying who did what ("Alex published the incident on the status page as “Checkout is degraded”").
 * Publishing and hiding are kept on the incident row for the pinned summary ("Status page: public"); a publication
 * meets "client comms after 15 min" and the customer e-mail ends its reminder ({@link CustomerComms}). Any content
 * applies: texts are cut to what a line should hold, a component id is whatever the status page calls it.
 */
@Component
public class StatusPageReactions {

    /** Counts a change the pinned summary shows (as IncidentReactions does). */
    private static final String SUMMARY_CHANGED = "summary_version = summary_version + 1";
    private static final int MAX_TITLE = 200;
    private static final int MAX_MESSAGE = 500;

    private final SequencedUpdate incidents;
    private final SlackOutbox slack;
    private final CustomerComms customerComms;

    public StatusPageReactions(JdbcTemplate jdbc, SlackOutbox slack, CustomerComms customerComms) {
        this.incidents = new SequencedUpdate(jdbc, "incident");
        this.slack = slack;
        this.customerComms = customerComms;
    }

    public void on(StatusPagePublished e) {
        EventHeader h = e.getHeader();
        incidents.apply(h.getIncidentId(), h.getSequence(), "status_page = 'PUBLIC', " + SUMMARY_CHANGED);
        customerComms.wentPublic(h.getIncidentId(), h.getOccurredAt());
        post(h, "published", ":globe_with_meridians: " + who(h) + " published the incident on the status page"
                + (e.getPublicTitle() == null ? "" : " as “" + SlackText.cut(e.getPublicTitle(), MAX_TITLE) + "”")
                + (e.getPublicMessage() == null ? "" : ": " + SlackText.cut(e.getPublicMessage(), MAX_MESSAGE)));
    }

    public void on(StatusPageHidden e) {
        EventHeader h = e.getHeader();
        incidents.apply(h.getIncidentId(), h.getSequence(), "status_page = 'HIDDEN', " + SUMMARY_CHANGED);
        post(h, "hidden", ":no_entry_sign: " + who(h) + " took the incident off the status page"
                + (e.getReason() == null || e.getReason().isBlank() ? ""
                        : ": " + SlackText.cut(e.getReason(), MAX_MESSAGE)));
    }

    public void on(PublicWordingEdited e) {
        EventHeader h = e.getHeader();
        incidents.apply(h.getIncidentId(), h.getSequence(), null);
        java.util.List<String> changes = new java.util.ArrayList<>();
        if (e.getPublicTitle() != null) {
            changes.add("title to “" + SlackText.cut(e.getPublicTitle(), MAX_TITLE) + "”");
        }
        if (e.getPublicMessage() != null) {
            changes.add("message to “" + SlackText.cut(e.getPublicMessage(), MAX_MESSAGE) + "”");
        }
        post(h, "wording", ":pencil2: " + who(h) + (changes.isEmpty() ? " saved the status page's wording unchanged"
                : " changed the status page's " + String.join(" and the ", changes)));
    }

    public void on(ComponentStatusSet e) {
        EventHeader h = e.getHeader();
        incidents.apply(h.getIncidentId(), h.getSequence(), null);
        post(h, "component", ":traffic_light: " + who(h) + " set " + SlackText.cut(e.getComponent(), MAX_TITLE)
                + " to " + SlackText.words(e.getStatus().name()).toLowerCase(java.util.Locale.ROOT)
                + " on the status page");
    }

    public void on(CustomerEmailSent e) {
        EventHeader h = e.getHeader();
        incidents.apply(h.getIncidentId(), h.getSequence(), null);
        customerComms.emailSent(h.getIncidentId(), h.getOccurredAt());
        post(h, "customer-email", ":email: " + who(h) + " sent the customer e-mail"
                + (e.getSubject() == null ? " (the status page's draft)"
                        : " “" + SlackText.cut(e.getSubject(), MAX_TITLE) + "”"));
    }

    private static String who(EventHeader h) {
        return SlackText.cut(h.getActor().getDisplayName(), MAX_TITLE);
    }

    private void post(EventHeader h, String what, String text) {
        slack.enqueue(h.getEventId() + ":" + what, h.getIncidentId(), SlackOutbox.INCIDENT_CHANNEL, "post", text);
    }
}
