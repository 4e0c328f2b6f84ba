package io.firebreak.notification.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.notification.*}: Slack, the people and rotations that can be paged, escalation policies per
 * severity (the seed of the on-call model, used for incidents whose services are not in the catalog), the on-call
 * configuration file, delivery channels and reminder cadences; the public URL people reach this service at (acknowledge
 * links), the acknowledge links' key and lifetime, the PagerDuty webhook subscription, Slack inbound, overdue
 * debriefs, when a team's default lead is asked to lead, stakeholder e-mail and the customer-comms prompts.
 */
@ConfigurationProperties("firebreak.notification")
public record NotificationProperties(
        @DefaultValue Slack slack,
        @DefaultValue Paging paging,
        @DefaultValue Reminders reminders,
        @DefaultValue("http://127.0.0.1:8080") String incidentUrl,
        @DefaultValue("") String oncallFile,
        @DefaultValue OnCall oncall,
        @DefaultValue Contact contact,
        @DefaultValue("http://localhost:8081") String publicUrl,
        @DefaultValue AckLink ackLink,
        @DefaultValue PagerDutyWebhooks pagerdutyWebhooks,
        @DefaultValue SlackInbound slackInbound,
        @DefaultValue Debrief debrief,
        @DefaultValue DefaultLead defaultLead,
        @DefaultValue Stakeholders stakeholders,
        @DefaultValue CustomerComms customerComms) {

    /**
     * Stakeholder e-mail (docs/process.md#stakeholder-updates): the addresses (support, customer success, leadership)
     * that get every update of a Major or Critical incident, its mitigation and its resolution by e-mail, through the
     * contact methods' SMTP server; whether drills are mailed too (no by default: a drill is practice, and stakeholders
     * outside engineering would take it for the real thing); how often due e-mails are looked for.
     */
    public record Stakeholders(@DefaultValue("") List<String> emails, @DefaultValue("false") boolean includeDrills,
            @DefaultValue("1s") Duration pollInterval) {

        public Stakeholders {
            emails = emails == null ? List.of() : emails.stream().map(String::strip).filter(e -> !e.isEmpty())
                    .distinct().toList();
        }
    }

    /**
     * Customer messages (docs/process.md#customer-messages): a Major or Critical incident with customer impact that has
     * nothing public {@code publicAfter} its declaration (no StatusPagePublished, no customer update) prompts its comms
     * owner in the channel ("client comms after 15 min"); one without a CustomerEmailSent {@code emailAfter} its
     * declaration is reminded of the customer e-mail.
     */
    public record CustomerComms(@DefaultValue("15m") Duration publicAfter, @DefaultValue("24h") Duration emailAfter) {
    }

    /**
     * A Major or Critical incident still without a lead {@code after} its declaration is given its owning team's
     * default lead (the team of the first affected service whose team names one in the on-call catalog): asked of
     * incident-command before its own fallback (the declarer, at 5 minutes) takes over.
     */
    public record DefaultLead(@DefaultValue("4m") Duration after) {
    }

    /**
     * Debriefs not completed in time (docs/process.md#debriefs; the policies ask for one within 48 to 72 hours of
     * resolution): a Major or Critical incident resolved longer than {@code overdueAfter} ago without a
     * DebriefCompleted is announced to its lead and in the incidents channel, then again every {@code repeatEvery}
     * until the debrief is completed or the incident closed.
     */
    public record Debrief(@DefaultValue("48h") Duration overdueAfter, @DefaultValue("24h") Duration repeatEvery) {
    }

    /**
     * Slack inbound ({@code POST /api/v1/integrations/slack}: slash command {@code /inc}, interactivity, shortcuts):
     * the app's signing secret (blank: the endpoint answers 503 and accepts nothing), how old a signed request may
     * be (its signature is remembered that long to refuse replays), how often answers from incident-command are
     * looked for to tell the person, and how many times telling is tried.
     */
    public record SlackInbound(@DefaultValue("") String signingSecret, @DefaultValue("5m") Duration maxAge,
            @DefaultValue("200ms") Duration answerPollInterval, @DefaultValue("5") int answerAttempts) {

        public boolean enabled() {
            return signingSecret != null && !signingSecret.isBlank();
        }
    }

    /**
     * Reaching people by their contact methods: the providers (SMTP, a Twilio-compatible API, ntfy), how often
     * the worker looks for due deliveries, the throttle per SMS/voice method and the link to an incident's channel
     * ({@code {channel}} is replaced by the Slack channel id).
     */
    public record Contact(
            @DefaultValue Email email,
            @DefaultValue Twilio twilio,
            @DefaultValue Ntfy ntfy,
            @DefaultValue Throttle throttle,
            @DefaultValue("200ms") Duration pollInterval,
            @DefaultValue("https://slack.com/app_redirect?channel={channel}") String slackChannelLink) {
    }

    /** SMTP; without a host, e-mail deliveries are skipped. */
    public record Email(@DefaultValue("") String host, @DefaultValue("25") int port, @DefaultValue("") String username,
            @DefaultValue("") String password, @DefaultValue("false") boolean startTls,
            @DefaultValue("firebreak@localhost") String from) {

        public boolean enabled() {
            return host != null && !host.isBlank();
        }
    }

    /** A Twilio-compatible REST API for SMS and voice calls; without credentials and a sender they are skipped. */
    public record Twilio(@DefaultValue("https://api.twilio.com") String baseUrl, @DefaultValue("") String accountSid,
            @DefaultValue("") String authToken, @DefaultValue("") String from) {

        public boolean enabled() {
            return !accountSid.isBlank() && !authToken.isBlank() && !from.isBlank();
        }
    }

    /** ntfy push: the topic URL is each method's address; an access token for protected topics is optional. */
    public record Ntfy(@DefaultValue("") String accessToken, @DefaultValue("urgent") String priority) {
    }

    /**
     * At most one message per window to one SMS or voice number; pages inside the window are bundled into the next
     * message (never dropped).
     */
    public record Throttle(@DefaultValue("1m") Duration sms, @DefaultValue("1m") Duration voice) {
    }

    /**
     * Signed acknowledge links ({@code <public-url>/ack/<token>}): the HMAC-SHA256 key, shared by every instance (so
     * there is no default outside the {@code local} profile; start-up fails without one), and how long a link stays
     * valid.
     */
    public record AckLink(@DefaultValue("") String secret, @DefaultValue("1h") Duration ttl) {
    }

    /**
     * PagerDuty webhooks v3: the subscription's signing secret (blank: every delivery is refused), how old an event
     * may be when it arrives, and how long delivered event ids are remembered to refuse replays.
     */
    public record PagerDutyWebhooks(@DefaultValue("") String secret, @DefaultValue("5m") Duration maxAge) {
    }

    /**
     * The on-call model's defaults: who "leadership" is for a Critical incident of a catalogued service (person
     * ids), paged at once beside the owning team's on-call and engineering manager.
     */
    public record OnCall(@DefaultValue("founder") List<String> leadership) {
    }

    /** Slack Web API. Without a bot token messages are recorded (visible in the API), not sent. */
    public record Slack(
            @DefaultValue("") String botToken,
            @DefaultValue("https://slack.com/api/") String apiUrl,
            @DefaultValue("incidents") String incidentsChannel,
            @DefaultValue("engineering") String engineeringChannel,
            @DefaultValue("1s") Duration minInterval,
            @DefaultValue("8") int maxAttempts) {

        public boolean enabled() {
            return botToken != null && !botToken.isBlank();
        }
    }

    /** A person who can be paged. */
    public record Person(String id, String name, String slackUserId, String email) {
    }

    /** People taking turns on call: each holds it for {@code handoff}, counting from {@code start}. */
    public record Rotation(String name, @DefaultValue("P7D") Duration handoff,
            @DefaultValue("2026-01-05T09:00:00Z") Instant start, List<Person> people) {
    }

    /**
     * One level of an escalation policy. Targets: {@code rotation:<name>} (its on-call),
     * {@code rotation:<name>+1} (the next in line) or {@code person:<id>}.
     */
    public record Level(List<String> targets, @DefaultValue("5m") Duration ackTimeout) {
    }

    public record Policy(List<Level> levels, @DefaultValue("0") int repeat) {
    }

    public record Paging(
            @DefaultValue({"CRITICAL", "MAJOR"}) Set<String> pageAtDeclaration,
            Map<String, Policy> policies,
            List<Rotation> rotations,
            List<Person> people,
            @DefaultValue("") String pagerdutyRoutingKey,
            @DefaultValue("https://events.pagerduty.com/v2/enqueue") String pagerdutyEventsUrl,
            @DefaultValue("") String webhookUrl,
            @DefaultValue("1s") Duration timerPollInterval) {
    }

    /**
     * Reminders: no lead, no comms owner, and the update clock a Major or Critical incident runs on from its
     * declaration until its first update names the next one ({@code updateCadence}, docs/process.md#update-cadence).
     */
    public record Reminders(@DefaultValue("5m") Duration leadMissingAfter,
            @DefaultValue("5m") Duration commsOwnerMissingAfter,
            @DefaultValue UpdateCadence updateCadence) {
    }

    /**
     * How long an incident of each severity may go without an update, counted from its declaration until the first
     * update (after that, each update names when the next is due). Minor has no fixed cadence unless one is set.
     */
    public record UpdateCadence(@DefaultValue("15m") Duration critical, @DefaultValue("30m") Duration major,
            Duration minor) {

        /** The cadence of {@code severity} (CRITICAL, MAJOR, MINOR), or null when it has none. */
        public Duration of(String severity) {
            return switch (severity) {
                case "CRITICAL" -> critical;
                case "MAJOR" -> major;
                default -> minor;
            };
        }
    }
}
