package io.firebreak.notification.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the pinned summary in an incident's channel shows: the incident as this service knows it now. Built from the
 * incident row each time the summary is posted or edited, so an edit always shows the newest state.
 *
 * @param latestUpdate null until the first update was posted
 */
public record IncidentSummary(String incidentId, String reference, String title, String severity, String status,
        String summary, boolean customerImpact, List<String> affectedServices, String lead, String commsOwner,
        String investigator, LatestUpdate latestUpdate, String link) {

    /** The four questions' answers of the newest update, and when the next one is due. */
    public record LatestUpdate(String audience, String whatIsHappening, String whoIsAffected, String whatWeAreDoing,
            Instant nextUpdateAt, Instant postedAt) {
    }

    /** Slack's limits: a header's text, a section's text, a field's text. */
    static final int MAX_HEADER = 150;
    static final int MAX_SECTION = 3000;
    static final int MAX_FIELD = 2000;

    /** ":rotating_light: INC-7: Checkout is failing", cut to fit a header block. */
    public String headline() {
        return SlackText.cut(":rotating_light: " + reference + ": " + title, MAX_HEADER);
    }

    /** The summary's fields: severity, status, customer impact and the three roles, as "*Label:*\nvalue". */
    public List<String> fields() {
        return List.of(
                field("Severity", SlackText.words(severity)),
                field("Status", SlackText.words(status)),
                field("Customer impact", (customerImpact ? "yes" : "no") + (affectedServices.isEmpty() ? ""
                        : " · " + String.join(", ", affectedServices))),
                field("Lead", or(lead)),
                field("Comms owner", or(commsOwner)),
                field("Investigator", or(investigator)));
    }

    /** The declaration's summary (may be empty). */
    public String description() {
        return summary == null || summary.isBlank() ? "" : SlackText.cut(summary.strip(), MAX_SECTION);
    }

    /** The latest update's answers and the next update's time, or what to do when none was posted yet. */
    public String latest() {
        if (latestUpdate == null) {
            return SlackText.cut("*Latest update:* none yet. Post one answering what is happening, who is affected, what we"
                    + " are doing and when the next update comes.", MAX_SECTION);
        }
        LatestUpdate u = latestUpdate;
        return SlackText.cut("*Latest update* (" + (u.audience().equals("CUSTOMER") ? "customer" : "internal")
                + (u.postedAt() == null ? "" : ", " + SlackText.time(u.postedAt())) + ")\n"
                + "*What is happening:* " + u.whatIsHappening()
                + (u.whoIsAffected() == null ? "" : "\n*Who is affected:* " + u.whoIsAffected())
                + (u.whatWeAreDoing() == null ? "" : "\n*What we are doing:* " + u.whatWeAreDoing())
                + "\n*Next update:* " + (u.nextUpdateAt() == null ? "none promised" : "due by "
                        + SlackText.time(u.nextUpdateAt())), MAX_SECTION);
    }

    /** The plain text Slack shows in notifications and where blocks cannot be shown. */
    public String fallbackText() {
        return SlackText.cut(":rotating_light: " + reference + ": " + title + " · " + SlackText.words(severity) + " · "
                + SlackText.words(status) + " · Lead: " + or(lead), MAX_SECTION);
    }

    private static String field(String label, String value) {
        return SlackText.cut("*" + label + ":*\n" + value, MAX_FIELD);
    }

    private static String or(String person) {
        return person == null || person.isBlank() ? "not assigned yet" : person;
    }
}
