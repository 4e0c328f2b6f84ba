package io.firebreak.notification.engine;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.oncall.Service;
import io.firebreak.notification.oncall.OnCallDirectory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The two customer-comms prompts of docs/process.md#customer-messages, each posted once in the incident channel
 * mentioning the comms owner (the lead, or the declarer, while there is none):
 * <ul>
 * <li>"client comms after 15 min": a Major or Critical incident with customer impact that has nothing public
 * {@code customer-comms.public-after} its declaration (no StatusPagePublished, no customer update). A Critical of a
 * customer-facing catalogued service is left out: the status page publishes it at once (issue 17). Cancelled by a
 * publication, a customer update or the resolution.</li>
 * <li>the customer e-mail: one without a CustomerEmailSent {@code customer-comms.email-after} its declaration.
 * Cancelled only by CustomerEmailSent: the e-mail is due after the resolution too (within 24 hours of it).</li>
 * </ul>
 * Drills never: they never reach customers. The timers are rows of the durable {@code timer} table (fired by
 * TimerWorker with SKIP LOCKED); the prompt is claimed on the incident row, so whichever timer fires first posts it.
 */
@Component
public class CustomerComms {

    static final String PUBLIC_COMMS_DUE = "PUBLIC_COMMS_DUE";
    static final String CUSTOMER_EMAIL_DUE = "CUSTOMER_EMAIL_DUE";
    private static final Set<String> LOUD = Set.of("MAJOR", "CRITICAL");
    private static final List<String> ENDED = List.of("RESOLVED", "CLOSED");

    private final JdbcTemplate jdbc;
    private final Timers timers;
    private final SlackOutbox slack;
    private final Responsible responsible;
    private final OnCallDirectory directory;
    private final NotificationProperties.CustomerComms settings;

    public CustomerComms(JdbcTemplate jdbc, Timers timers, SlackOutbox slack, Responsible responsible,
            OnCallDirectory directory, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.timers = timers;
        this.slack = slack;
        this.responsible = responsible;
        this.directory = directory;
        this.settings = properties.customerComms();
    }

    public boolean handles(String kind) {
        return PUBLIC_COMMS_DUE.equals(kind) || CUSTOMER_EMAIL_DUE.equals(kind);
    }

    /**
     * After a declaration, a severity change or a customer-impact change: starts the prompts' timers if the incident
     * now needs them, due the configured time after its declaration (at once when that has passed: a Major raised
     * from Minor after 40 minutes with nothing public is prompted now).
     */
    public void consider(String incidentId, String eventId, Instant eventAt) {
        Map<String, Object> incident = incident(incidentId);
        if (incident == null || !needsCustomerComms(incident)) {
            return;
        }
        Instant declaredAt = ((Timestamp) incident.get("declared_at")).toInstant();
        if (needsPublicPrompt(incident)) {
            timers.schedule("public-comms:" + incidentId + ":" + eventId, PUBLIC_COMMS_DUE, incidentId,
                    latest(declaredAt.plus(settings.publicAfter()), eventAt), null);
        }
        if (needsEmailReminder(incident)) {
            timers.schedule("customer-email:" + incidentId + ":" + eventId, CUSTOMER_EMAIL_DUE, incidentId,
                    latest(declaredAt.plus(settings.emailAfter()), eventAt), null);
        }
    }

    /** Something went public (StatusPagePublished, a customer update): client comms are under way. */
    public void wentPublic(String incidentId, Instant at) {
        jdbc.update("UPDATE incident SET went_public_at = COALESCE(went_public_at, ?) WHERE incident_id = ?",
                Timestamp.from(at), incidentId);
        timers.cancel(incidentId, PUBLIC_COMMS_DUE);
    }

    /** CustomerEmailSent. */
    public void emailSent(String incidentId, Instant at) {
        jdbc.update("UPDATE incident SET customer_email_sent_at = COALESCE(customer_email_sent_at, ?)"
                + " WHERE incident_id = ?", Timestamp.from(at), incidentId);
        timers.cancel(incidentId, CUSTOMER_EMAIL_DUE);
    }

    /** Resolved: customers need no message "while it is still going on" any more; the e-mail is still due. */
    public void resolved(String incidentId) {
        timers.cancel(incidentId, PUBLIC_COMMS_DUE);
    }

    public void fire(String timerId, String kind, String incidentId, Instant now) {
        Map<String, Object> incident = incident(incidentId);
        if (incident == null || !needsCustomerComms(incident)) {
            return;
        }
        String severity = incident.get("severity").toString().toLowerCase(Locale.ROOT);
        String reference = (String) incident.get("reference");
        if (PUBLIC_COMMS_DUE.equals(kind)) {
            if (needsPublicPrompt(incident) && claim(incidentId, "public_comms_prompted_at", now)) {
                slack.enqueue(timerId, incidentId, SlackOutbox.INCIDENT_CHANNEL, "post", ":loudspeaker: "
                        + mention(incident) + " Customers are affected and nothing is public "
                        + settings.publicAfter().toMinutes() + " minutes after this " + severity
                        + " incident was declared (docs/process.md: client comms after 15 min). Post a customer update"
                        + " (`/inc update`, audience Customer, or `firebreak update " + reference
                        + " --customer …`) or publish it on the status page now (`firebreak incident publish "
                        + reference + "`).");
            }
        } else if (needsEmailReminder(incident) && claim(incidentId, "customer_email_reminded_at", now)) {
            slack.enqueue(timerId, incidentId, SlackOutbox.INCIDENT_CHANNEL, "post", ":email: " + mention(incident)
                    + " No customer e-mail yet for this " + severity + " incident, "
                    + settings.emailAfter().toHours() + " hours after its declaration. Affected customers get one"
                    + " within 24 hours of resolution (docs/process.md#customer-messages): review the status page's"
                    + " draft and send it.");
        }
    }

    private boolean needsCustomerComms(Map<String, Object> incident) {
        return LOUD.contains((String) incident.get("severity")) && Boolean.TRUE.equals(incident.get("customer_impact"))
                && !Boolean.TRUE.equals(incident.get("drill"));
    }

    private boolean needsPublicPrompt(Map<String, Object> incident) {
        return !ENDED.contains((String) incident.get("status")) && incident.get("went_public_at") == null
                && incident.get("public_comms_prompted_at") == null && !publicAtOnce(incident);
    }

    private boolean needsEmailReminder(Map<String, Object> incident) {
        return incident.get("customer_email_sent_at") == null && incident.get("customer_email_reminded_at") == null;
    }

    /** A Critical of a customer-facing service in the catalog: the status page publishes it at declaration. */
    private boolean publicAtOnce(Map<String, Object> incident) {
        if (!"CRITICAL".equals(incident.get("severity"))) {
            return false;
        }
        Map<String, Service> services = directory.model().services();
        return Arrays.stream(services(incident)).map(services::get)
                .anyMatch(service -> service != null && service.customerFacing());
    }

    /** The comms owner, else the lead, else the declarer: mentioned when their Slack id is known. */
    private String mention(Map<String, Object> incident) {
        Object commsSlack = incident.get("comms_owner_slack");
        if (commsSlack != null) {
            return "<@" + commsSlack + ">";
        }
        if (incident.get("comms_owner_name") != null) {
            return (String) incident.get("comms_owner_name");
        }
        Responsible.Recipient recipient = responsible.of(incident);
        return recipient == null ? "" : recipient.mention();
    }

    /** Marks the prompt as posted; false when it was already (by another timer of the incident). */
    private boolean claim(String incidentId, String column, Instant now) {
        return jdbc.update("UPDATE incident SET " + column + " = ? WHERE incident_id = ? AND " + column + " IS NULL",
                Timestamp.from(now), incidentId) == 1;
    }

    private Map<String, Object> incident(String incidentId) {
        return jdbc.queryForList("SELECT * FROM incident WHERE incident_id = ?", incidentId).stream().findFirst()
                .orElse(null);
    }

    private static String[] services(Map<String, Object> incident) {
        try {
            Object array = incident.get("affected_services");
            return array == null ? new String[0] : (String[]) ((java.sql.Array) array).getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
