package io.firebreak.notification.domain;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the pinned summary in an incident's channel shows: the incident as this service knows it now. Built from the
 * incident row each time the summary is posted or edited, so an edit always shows the newest state.
 *
 * @param investigators everyone holding the investigation role (several since RoleAssigned.joining)
 * @param latestUpdate null until the first update was posted
 * @param statusPage whether the comms owner published ({@code PUBLIC}) or hid ({@code HIDDEN}) the incident on the
 *     status page by hand (issue 17); null while neither happened, and then not shown: whether the status page
 *     published it by its own rules is the status page's to say
 */
public record IncidentSummary(String incidentId, String reference, String title, String severity, String status,
        String summary, boolean customerImpact, List<String> affectedServices, String lead, String commsOwner,
        List<String> investigators, LatestUpdate latestUpdate, String link, Kind kind, Progress progress,
        String statusPage) {

    /** A summary with nothing done by hand on the status page. */
    public IncidentSummary(String incidentId, String reference, String title, String severity, String status,
            String summary, boolean customerImpact, List<String> affectedServices, String lead, String commsOwner,
            List<String> investigators, LatestUpdate latestUpdate, String link, Kind kind, Progress progress) {
        this(incidentId, reference, title, severity, status, summary, customerImpact, affectedServices, lead,
                commsOwner, investigators, latestUpdate, link, kind, progress, null);
    }

    /** The four questions' answers of the newest update, and when the next one is due. */
    public record LatestUpdate(String audience, String whatIsHappening, String whoIsAffected, String whatWeAreDoing,
            Instant nextUpdateAt, Instant postedAt) {
    }

    /**
     * What kind of incident: a drill or not, its type (ENGINEERING, SECURITY, …; schema IncidentType) and what the
     * declarer suspects was exposed (CARD_DATA, CREDENTIALS, KEYS, PERSONAL_DATA: the kinds, never the data).
     */
    public record Kind(boolean drill, String incidentType, List<String> suspectedExposure) {

        public static final Kind ENGINEERING = new Kind(false, "ENGINEERING", List.of());

        public IncidentMarks marks() {
            return IncidentMarks.of(drill, incidentType);
        }
    }

    /**
     * How far the response is: the containment steps recorded (oldest first; each lever's last one counts), the
     * identified cause and when (null until CauseIdentified), and the video bridge (null until one is attached).
     */
    public record Progress(List<Step> containment, String cause, Instant identifiedAt, String videoBridgeUrl) {

        public static final Progress NONE = new Progress(List.of(), null, null, null);
    }

    /** One ContainmentStepRecorded. */
    public record Step(ContainmentLever lever, ContainmentOutcome outcome, String note, Instant at) {
    }

    /** Slack's limits: a header's text, a section's text, a field's text. */
    static final int MAX_HEADER = 150;
    static final int MAX_SECTION = 3000;
    static final int MAX_FIELD = 2000;
    /** A call link is shown in the links section beside the incident's link and in a button (at most 3000 each). */
    static final int MAX_URL = 2000;
    /** Each containment note is cut so the four lines and the cause fit one section. */
    private static final int MAX_NOTE = 300;

    /** ":rotating_light: INC-7: Checkout is failing", marked DRILL / SECURITY, cut to fit a header block. */
    public String headline() {
        return SlackText.cut(kind.marks().header() + ":rotating_light: " + reference + ": " + title, MAX_HEADER);
    }

    /**
     * The summary's fields: severity, status, type, customer impact, the three roles and, once the comms owner
     * published or hid it, the status page, as "*Label:*\nvalue".
     */
    public List<String> fields() {
        List<String> fields = new java.util.ArrayList<>(roleFields());
        if (statusPage != null) {
            fields.add(field("Status page", "PUBLIC".equals(statusPage) ? "public" : "hidden"));
        }
        return List.copyOf(fields);
    }

    private List<String> roleFields() {
        return List.of(
                field("Severity", SlackText.words(severity)),
                field("Status", SlackText.words(status)),
                field("Type", type()),
                field("Customer impact", (customerImpact ? "yes" : "no") + (affectedServices.isEmpty() ? ""
                        : " · " + String.join(", ", affectedServices))),
                field("Lead", or(lead)),
                field("Comms owner", or(commsOwner)),
                field(investigators.size() > 1 ? "Investigators" : "Investigator",
                        investigators.isEmpty() ? or(null) : String.join(", ", investigators)));
    }

    /** "Engineering", "Security · suspected exposure: card data, keys", "Engineering · drill" */
    private String type() {
        String type = SlackText.words(kind.incidentType()) + (kind.drill() ? " · drill" : "");
        if (kind.suspectedExposure().isEmpty()) {
            return type;
        }
        return type + " · suspected exposure: " + kind.suspectedExposure().stream()
                .map(e -> e.toLowerCase(Locale.ROOT).replace('_', ' ')).collect(Collectors.joining(", "));
    }

    /** The declaration's summary (may be empty). */
    public String description() {
        return summary == null || summary.isBlank() ? "" : SlackText.cut(summary.strip(), MAX_SECTION);
    }

    /**
     * The containment checklist in the policies' order (each lever with its newest outcome, or not tried yet) and the
     * identified milestone.
     */
    public String containment() {
        Map<ContainmentLever, Step> newest = new java.util.EnumMap<>(ContainmentLever.class);
        progress.containment().forEach(step -> newest.put(step.lever(), step));
        StringBuilder text = new StringBuilder("*Containment* (levers in order)");
        for (ContainmentLever lever : ContainmentLever.values()) {
            Step step = newest.get(lever);
            text.append('\n').append(step == null ? ":white_circle: " + lever.label() + ": not tried yet"
                    : step.outcome().emoji() + " " + lever.label() + ": " + step.outcome().said()
                            + (step.at() == null ? "" : " (" + SlackText.time(step.at()) + ")")
                            + (step.note() == null || step.note().isBlank() ? ""
                                    : " — " + SlackText.cut(step.note().strip(), MAX_NOTE)));
        }
        text.append("\n*Identified:* ").append(progress.cause() == null ? "not yet"
                : SlackText.cut(progress.cause().strip(), 1000)
                        + (progress.identifiedAt() == null ? "" : " (" + SlackText.time(progress.identifiedAt()) + ")"));
        return SlackText.cut(text.toString(), MAX_SECTION);
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

    /**
     * The video bridge's link when Slack can take it (an https URL with a host, no characters that would end a mrkdwn
     * link, at most 2000 characters so the links section stays within 3000); null when none was attached or it cannot
     * be linked.
     */
    public String bridgeLink() {
        String url = progress.videoBridgeUrl();
        if (url == null || url.length() > MAX_URL || url.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>'
                || c == '|')) {
            return null;
        }
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null ? url : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The links line: the incident in Firebreak and, when attached, the call. */
    public String links() {
        String bridge = bridgeLink();
        return "<" + link + "|Open in Firebreak>" + (bridge != null ? " · :telephone_receiver: <" + bridge
                + "|Join the call>" : progress.videoBridgeUrl() != null ? " · a video bridge is attached, but its link"
                        + " cannot be shown here; open the incident in Firebreak" : "");
    }

    /** The plain text Slack shows in notifications and where blocks cannot be shown. */
    public String fallbackText() {
        return SlackText.cut(kind.marks().header() + ":rotating_light: " + reference + ": " + title + " · "
                + SlackText.words(severity) + " · " + SlackText.words(status) + " · Lead: " + or(lead), MAX_SECTION);
    }

    private static String field(String label, String value) {
        return SlackText.cut("*" + label + ":*\n" + value, MAX_FIELD);
    }

    private static String or(String person) {
        return person == null || person.isBlank() ? "not assigned yet" : person;
    }
}
