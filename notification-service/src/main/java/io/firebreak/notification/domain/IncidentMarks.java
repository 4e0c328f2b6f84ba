package io.firebreak.notification.domain;

/**
 * How an incident is marked wherever it is shown (issue 16): a drill says DRILL, so nobody takes an exercise for the
 * real thing; a security incident says SECURITY, so its details are treated as need-to-know.
 */
public record IncidentMarks(boolean drill, boolean security) {

    public static final IncidentMarks NONE = new IncidentMarks(false, false);

    /** Before a drill's Slack messages (every post and DM of the incident, see engine.SlackOutbox). */
    public static final String SLACK_DRILL = ":test_tube: *DRILL* ";
    /** Before a drill's channel topic. */
    public static final String TOPIC_DRILL = "DRILL · ";

    /** {@code incidentType} as the event carries it (ENGINEERING, SECURITY, …). */
    public static IncidentMarks of(boolean drill, String incidentType) {
        return new IncidentMarks(drill, "SECURITY".equals(incidentType));
    }

    /** Before a Slack text (mrkdwn): ":test_tube: *DRILL* :lock: *SECURITY* ". */
    public String slack() {
        return (drill ? SLACK_DRILL : "") + (security ? ":lock: *SECURITY* " : "");
    }

    /** Before a plain text (SMS, e-mail subject, push, PagerDuty, web page), ASCII: "[DRILL] [SECURITY] ". */
    public String plain() {
        return (drill ? "[DRILL] " : "") + (security ? "[SECURITY] " : "");
    }

    /** Before a Slack header (plain text with emoji): ":test_tube: DRILL · :lock: SECURITY · ". */
    public String header() {
        return (drill ? ":test_tube: DRILL · " : "") + (security ? ":lock: SECURITY · " : "");
    }

    /** The same marks without DRILL: for a Slack text the outbox marks as a drill's itself. */
    public IncidentMarks withoutDrill() {
        return new IncidentMarks(false, security);
    }

    /** Before what a call says: "This is a drill. Security incident. " */
    public String spoken() {
        return (drill ? "This is a drill. " : "") + (security ? "Security incident. " : "");
    }
}
