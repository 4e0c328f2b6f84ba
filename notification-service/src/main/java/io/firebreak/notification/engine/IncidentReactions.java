package io.firebreak.notification.engine;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.ContainmentLever;
import io.firebreak.notification.domain.ContainmentOutcome;
import io.firebreak.notification.domain.SlackText;
import io.firebreak.notification.domain.StakeholderEmail;
import io.firebreak.schemas.incident.CauseIdentified;
import io.firebreak.schemas.incident.ContainmentStepRecorded;
import io.firebreak.schemas.incident.CustomerImpactChanged;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentClosed;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentReopened;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.RoleAssigned;
import io.firebreak.schemas.incident.SeverityChanged;
import io.firebreak.schemas.incident.StatusChanged;
import io.firebreak.schemas.incident.TimelineNoteAdded;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.schemas.incident.VideoBridgeAttached;
import io.firebreak.support.jdbc.SequencedUpdate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each incident event means for Slack, paging and reminders. Runs in the listener's transaction after the
 * event id was recorded; everything it decides is a row (message, page, timer), sent later by workers.
 */
@Component
public class IncidentReactions {

    private static final Set<String> LOUD = Set.of("MAJOR", "CRITICAL");
    /** Counts a change the pinned summary shows; the summary is edited until it shows the newest count. */
    private static final String SUMMARY_CHANGED = "summary_version = summary_version + 1";

    private final JdbcTemplate jdbc;
    private final SequencedUpdate incidents;
    private final SlackOutbox slack;
    private final Escalations escalations;
    private final Timers timers;
    private final DebriefReminders debriefs;
    private final DefaultLeads defaultLeads;
    private final NotificationProperties properties;
    private final Clock clock;
    private final StakeholderEmails stakeholders;
    private final CustomerComms customerComms;

    public IncidentReactions(JdbcTemplate jdbc, SlackOutbox slack, Escalations escalations, Timers timers,
            DebriefReminders debriefs, DefaultLeads defaultLeads, StakeholderEmails stakeholders,
            CustomerComms customerComms, NotificationProperties properties, Clock clock) {
        this.stakeholders = stakeholders;
        this.customerComms = customerComms;
        this.defaultLeads = defaultLeads;
        this.clock = clock;
        this.debriefs = debriefs;
        this.jdbc = jdbc;
        this.incidents = new SequencedUpdate(jdbc, "incident");
        this.slack = slack;
        this.escalations = escalations;
        this.timers = timers;
        this.properties = properties;
    }

    public void on(IncidentDeclared e) {
        EventHeader h = e.getHeader();
        String id = h.getIncidentId();
        String channel = SlackText.channelName(e.getChannelName());
        jdbc.update("""
                INSERT INTO incident (incident_id, reference, title, severity, status, customer_impact, channel_name,
                    declared_at, last_sequence, affected_services, summary, declared_by_id, declared_by_name, drill,
                    incident_type, suspected_exposure)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                id, e.getReference(), e.getTitle(), e.getSeverity().name(), e.getStatus().name(), e.getCustomerImpact(),
                channel, Timestamp.from(h.getOccurredAt()), h.getSequence(),
                e.getAffectedServices().toArray(String[]::new), e.getSummary(), h.getActor().getId(),
                h.getActor().getDisplayName(), e.getDrill(), e.getIncidentType().name(),
                e.getSuspectedExposure().stream().map(Enum::name).toArray(String[]::new));
        String ev = h.getEventId();
        slack.enqueue(ev + ":channel", id, SlackOutbox.INCIDENT_CHANNEL, "create_channel", channel);
        slack.enqueue(ev + ":topic", id, SlackOutbox.INCIDENT_CHANNEL, "topic",
                SlackText.statusLine(e.getReference(), e.getSeverity().name(), e.getStatus().name(), e.getTitle()));
        // rendered from the incident row when sent (a lead assigned meanwhile shows at once), then kept current by
        // edits in place (SummaryUpdater) on every change counted in summary_version
        slack.enqueue(ev + ":summary", id, SlackOutbox.INCIDENT_CHANNEL, "summary",
                "Pinned summary of " + e.getReference() + ": " + e.getTitle());
        slack.enqueue(ev + ":pin", id, SlackOutbox.INCIDENT_CHANNEL, "pin", ev + ":summary");
        String announcement = SlackText.announcement(e.getReference(), e.getTitle(), e.getSeverity().name(),
                channel);
        slack.enqueue(ev + ":announce", id, "#" + properties.slack().incidentsChannel(), "post", announcement);
        boolean loud = LOUD.contains(e.getSeverity().name());
        if (loud && !e.getDrill()) {
            slack.enqueue(ev + ":announce-eng", id, "#" + properties.slack().engineeringChannel(), "post",
                    e.getIncidentType() == IncidentType.SECURITY ? needToKnow(e.getReference(), e.getSeverity().name(),
                            channel, "declared") : announcement);
        }
        if (loud) {
            timers.schedule("lead:" + id, Reminders.LEAD_MISSING, id,
                    h.getOccurredAt().plus(properties.reminders().leadMissingAfter()), null);
            defaultLeads.schedule(id, h.getOccurredAt(), h.getOccurredAt());
        }
        if (e.getCustomerImpact()) {
            timers.schedule("comms:" + id, Reminders.COMMS_MISSING, id,
                    h.getOccurredAt().plus(properties.reminders().commsOwnerMissingAfter()), null);
        }
        startUpdateClock(id, "declared:" + id, e.getSeverity().name(), h.getOccurredAt(), h.getOccurredAt());
        customerComms.consider(id, ev, h.getOccurredAt());
        // routed by the affected services (the default policy pages only Major and Critical), a drill to the
        // declarer's team only; paged when this service learns of it: ack timeouts count from the page, not from
        // the declaration
        escalations.start(id, e.getSeverity().name(), List.copyOf(e.getAffectedServices()), clock.instant());
    }

    public void on(SeverityChanged e) {
        EventHeader h = e.getHeader();
        advance(h, "severity = ?, " + SUMMARY_CHANGED, e.getTo().name());
        String text = ":arrow_" + (e.getTo().ordinal() > e.getFrom().ordinal() ? "up" : "down") + ": Severity "
                + SlackText.words(e.getFrom().name()) + " → " + SlackText.words(e.getTo().name())
                + (e.getReason() == null ? "" : ": " + e.getReason());
        post(h, "severity", text);
        mirrorIfLoud(h, e.getTo().name(), text, "severity " + SlackText.words(e.getFrom().name()) + " → "
                + SlackText.words(e.getTo().name()));
        restartUpdateClockIfSilent(h, e.getTo().name());
        customerComms.consider(h.getIncidentId(), h.getEventId(), h.getOccurredAt());
        if (LOUD.contains(e.getTo().name()) && open(h.getIncidentId())) {
            defaultLeads.schedule(h.getIncidentId(), declaredAt(h.getIncidentId()), h.getOccurredAt());
        }
        if (escalations.pagesAtDeclaration(e.getTo().name()) && open(h.getIncidentId())) {
            escalations.start(h.getIncidentId(), e.getTo().name(), affectedServices(h.getIncidentId()), clock.instant());
        }
    }

    public void on(StatusChanged e) {
        EventHeader h = e.getHeader();
        advance(h, "status = ?, " + SUMMARY_CHANGED, e.getTo().name());
        String text = ":large_blue_circle: Status " + SlackText.words(e.getFrom().name()) + " → "
                + SlackText.words(e.getTo().name()) + (e.getNote() == null ? "" : ": " + e.getNote());
        post(h, "status", text);
        refreshTopic(h);
        if (e.getTo() == IncidentStatus.MONITORING) {
            // mitigated: customers should no longer feel it; told beyond the channel whatever the severity
            broadcast(h, ":large_green_circle: Mitigated, now monitoring"
                    + (e.getNote() == null ? "" : ": " + e.getNote()), "mirror", "mitigated, now monitoring");
            // docs/process.md#stakeholder-updates: once mitigated, stakeholders get a note
            stakeholders.queue(h, new StakeholderEmail.News("mitigated", "Mitigated at "
                    + SlackText.time(h.getOccurredAt()) + ", now monitoring", mitigatedLines(e.getNote())));
        } else {
            mirrorIfLoud(h, severity(h.getIncidentId()), text, "status " + SlackText.words(e.getTo().name()));
        }
    }

    public void on(RoleAssigned e) {
        EventHeader h = e.getHeader();
        String role = e.getRole().name();
        if (role.equals("INCIDENT_LEAD")) {
            advance(h, "lead_name = ?, lead_id = ?, lead_slack = ?, " + SUMMARY_CHANGED, e.getAssignee().getName(),
                    e.getAssignee().getId(), e.getAssignee().getSlackUserId());
        } else if (role.equals("COMMS_OWNER")) {
            advance(h, "comms_owner_name = ?, comms_owner_slack = ?, " + SUMMARY_CHANGED, e.getAssignee().getName(),
                    e.getAssignee().getSlackUserId());
        } else if (e.getJoining()) {
            // several investigators (RoleAssigned.joining): the assignee joins the others, once
            advance(h, "investigators = CASE WHEN ? = ANY(investigators) THEN investigators"
                    + " ELSE array_append(investigators, ?) END, " + SUMMARY_CHANGED, e.getAssignee().getName(),
                    e.getAssignee().getName());
        } else {
            advance(h, "investigators = ARRAY[?]::text[], " + SUMMARY_CHANGED, e.getAssignee().getName());
        }
        boolean joins = e.getJoining() && e.getRole() == IncidentRole.INVESTIGATION_OWNER;
        post(h, "role", ":bust_in_silhouette: " + e.getAssignee().getName() + (joins
                ? " joins the " + SlackText.words(role).toLowerCase(java.util.Locale.ROOT) + "s"
                : " is now " + SlackText.words(role) + (e.getPrevious() == null ? ""
                        : " (was " + e.getPrevious().getName() + ")")));
        if (e.getAssignee().getSlackUserId() != null) {
            slack.enqueue(h.getEventId() + ":invite", h.getIncidentId(), SlackOutbox.INCIDENT_CHANNEL, "invite",
                    e.getAssignee().getSlackUserId());
        }
    }

    public void on(CustomerImpactChanged e) {
        EventHeader h = e.getHeader();
        advance(h, "customer_impact = ?, affected_services = ?, " + SUMMARY_CHANGED, e.getCustomerImpact(),
                e.getAffectedServices().toArray(String[]::new));
        post(h, "impact", ":busts_in_silhouette: Customer impact: " + (e.getCustomerImpact() ? "yes" : "no")
                + "; affected: " + (e.getAffectedServices().isEmpty() ? "none" : String.join(", ", e.getAffectedServices())));
        if (e.getCustomerImpact()) {
            timers.schedule("comms:" + h.getIncidentId() + ":" + h.getEventId(), Reminders.COMMS_MISSING,
                    h.getIncidentId(), h.getOccurredAt().plus(properties.reminders().commsOwnerMissingAfter()), null);
            customerComms.consider(h.getIncidentId(), h.getEventId(), h.getOccurredAt());
        }
    }

    public void on(UpdatePosted e) {
        EventHeader h = e.getHeader();
        advance(h, "last_update_id = ?, update_audience = ?, update_happening = ?, update_affected = ?, update_doing = ?,"
                + " update_next_at = ?, update_posted_at = ?, " + SUMMARY_CHANGED, e.getUpdateId(),
                e.getAudience().name(), e.getWhatIsHappening(), e.getWhoIsAffected(), e.getWhatWeAreDoing(),
                e.getNextUpdateAt() == null ? null : Timestamp.from(e.getNextUpdateAt()),
                Timestamp.from(h.getOccurredAt()));
        String update = SlackText.update(e.getAudience().name(), e.getWhatIsHappening(), e.getWhoIsAffected(),
                e.getWhatWeAreDoing(), e.getNextUpdateAt());
        post(h, "update", update);
        // every update, internal or customer, also reaches #incidents (and #engineering when Major/Critical)
        broadcast(h, update, "broadcast", (e.getAudience().name().equals("CUSTOMER") ? "customer" : "internal")
                + " update posted");
        boolean customer = e.getAudience() == Audience.CUSTOMER;
        stakeholders.queue(h, new StakeholderEmail.News((customer ? "customer" : "internal") + " update",
                (customer ? "Customer update" : "Internal update") + ", " + SlackText.time(h.getOccurredAt()),
                updateLines(e)));
        if (customer) {
            // a customer update is published on the status page: "client comms after 15 min" is met
            customerComms.wentPublic(h.getIncidentId(), h.getOccurredAt());
        }
        timers.cancel(h.getIncidentId(), Reminders.UPDATE_DUE);
        if (e.getNextUpdateAt() != null) {
            long cadence = Math.max(60, Duration.between(h.getOccurredAt(), e.getNextUpdateAt()).toSeconds());
            timers.schedule("update-due:" + e.getUpdateId() + ":1", Reminders.UPDATE_DUE, h.getIncidentId(),
                    e.getNextUpdateAt(), e.getUpdateId() + "|" + cadence + "|1");
        }
    }

    public void on(TimelineNoteAdded e) {
        advance(e.getHeader(), null);
        if (e.getKind() == NoteKind.DECISION) {
            post(e.getHeader(), "decision", ":bookmark: Decision: " + e.getText());
        }
    }

    public void on(IncidentResolved e) {
        EventHeader h = e.getHeader();
        advance(h, "status = 'RESOLVED', " + SUMMARY_CHANGED);
        String text = ":white_check_mark: Resolved: " + e.getResolution();
        post(h, "resolved", text);
        refreshTopic(h);
        broadcast(h, text + " (mitigated " + SlackText.time(e.getMitigatedAt()) + ", resolved "
                + SlackText.time(e.getResolvedAt()) + ")", "mirror", "resolved");
        escalations.stop(h.getIncidentId(), clock.instant());
        cancelReminders(h.getIncidentId());
        customerComms.resolved(h.getIncidentId());
        stakeholders.queue(h, new StakeholderEmail.News("resolved", "Resolved at " + SlackText.time(e.getResolvedAt()),
                List.of("Resolution: " + e.getResolution(), "Mitigated: " + SlackText.time(e.getMitigatedAt()),
                        "The debrief follows; its document links from the incident.")));
        String severity = severity(h.getIncidentId());
        if (severity != null) {
            debriefs.resolved(h.getIncidentId(), h.getEventId(), severity, e.getResolvedAt());
        }
    }

    public void on(IncidentReopened e) {
        EventHeader h = e.getHeader();
        advance(h, "status = 'INVESTIGATING', " + SUMMARY_CHANGED);
        String text = ":leftwards_arrow_with_hook: Reopened: " + e.getReason();
        post(h, "reopened", text);
        refreshTopic(h);
        // its resolution was told beyond the channel, whatever the severity: so is its reopening
        broadcast(h, text, "mirror", "reopened");
        debriefs.stopped(h.getIncidentId());
    }

    public void on(IncidentClosed e) {
        EventHeader h = e.getHeader();
        advance(h, "status = 'CLOSED', " + SUMMARY_CHANGED);
        post(h, "closed", ":lock: Closed" + (e.getDebriefUrl() == null ? "" : ". Debrief: " + e.getDebriefUrl()));
        escalations.stop(h.getIncidentId(), clock.instant());
        cancelReminders(h.getIncidentId());
        debriefs.stopped(h.getIncidentId());
    }

    /**
     * A containment lever was pulled or skipped: kept (one row per event, so a redelivery adds nothing), shown in the
     * pinned summary's checklist and posted in the channel. A late step still counts: the summary is bumped whatever
     * its sequence, since steps add up rather than replace each other.
     */
    public void on(ContainmentStepRecorded e) {
        EventHeader h = e.getHeader();
        int added = jdbc.update("INSERT INTO containment_step (event_id, incident_id, sequence, lever, outcome, note,"
                + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", h.getEventId(),
                h.getIncidentId(), h.getSequence(), e.getLever().name(), e.getOutcome().name(), e.getNote(),
                Timestamp.from(h.getOccurredAt()));
        if (!advance(h, SUMMARY_CHANGED) && added == 1) {
            jdbc.update("UPDATE incident SET " + SUMMARY_CHANGED + " WHERE incident_id = ?", h.getIncidentId());
        }
        String lever = ContainmentLever.of(e.getLever().name()).map(ContainmentLever::label)
                .orElse(SlackText.words(e.getLever().name()));
        String outcome = ContainmentOutcome.of(e.getOutcome().name()).map(ContainmentOutcome::said)
                .orElse(SlackText.words(e.getOutcome().name()).toLowerCase(java.util.Locale.ROOT));
        post(h, "containment", ":shield: Containment: " + lever + " " + outcome
                + (e.getNote().isBlank() ? "" : " — " + e.getNote().strip()));
    }

    /** The identified milestone (a later one corrects the cause): summary and channel. */
    public void on(CauseIdentified e) {
        EventHeader h = e.getHeader();
        advance(h, "cause = ?, identified_at = COALESCE(identified_at, ?), " + SUMMARY_CHANGED, e.getCause(),
                Timestamp.from(h.getOccurredAt()));
        post(h, "identified", ":mag: Identified: " + e.getCause());
    }

    /** A call link, replacing any earlier one: the summary's Join the call, and a message in the channel. */
    public void on(VideoBridgeAttached e) {
        EventHeader h = e.getHeader();
        advance(h, "video_bridge_url = ?, " + SUMMARY_CHANGED, e.getUrl());
        post(h, "bridge", ":telephone_receiver: Video bridge: " + e.getUrl());
    }

    /**
     * The update clock of an incident with no update yet (issue 16: a Critical was silent for 16 minutes): the first
     * reminder is due one cadence of its severity after {@code from}; none for a severity without a cadence.
     */
    private void startUpdateClock(String incidentId, String chain, String severity, Instant from, Instant notBefore) {
        Duration cadence = properties.reminders().updateCadence().of(severity);
        if (cadence == null) {
            return;
        }
        Instant due = from.plus(cadence);
        timers.schedule("update-due:" + chain + ":1", Reminders.UPDATE_DUE, incidentId,
                due.isBefore(notBefore) ? notBefore : due, "|" + cadence.toSeconds() + "|1");
    }

    /** A severity change before the first update: the clock since declaration runs at the new severity's cadence. */
    private void restartUpdateClockIfSilent(EventHeader h, String severity) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT declared_at, status, last_update_id FROM incident"
                + " WHERE incident_id = ?", h.getIncidentId());
        if (rows.isEmpty() || rows.get(0).get("last_update_id") != null
                || List.of("RESOLVED", "CLOSED").contains(rows.get(0).get("status"))) {
            return;
        }
        timers.cancel(h.getIncidentId(), Reminders.UPDATE_DUE);
        Instant declaredAt = ((Timestamp) rows.get(0).get("declared_at")).toInstant();
        startUpdateClock(h.getIncidentId(), "declared:" + h.getEventId(), severity, declaredAt, h.getOccurredAt());
    }

    /** The four answers of an update, as a stakeholder e-mail lists them. */
    private static List<String> updateLines(UpdatePosted e) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("What is happening: " + e.getWhatIsHappening());
        lines.add("Who is affected: " + (e.getWhoIsAffected() == null ? "not said" : e.getWhoIsAffected()));
        lines.add("What we are doing: " + (e.getWhatWeAreDoing() == null ? "not said" : e.getWhatWeAreDoing()));
        if (e.getWhatYouCanDo() != null) {
            lines.add("What customers can do: " + e.getWhatYouCanDo());
        }
        lines.add("Next update: " + (e.getNextUpdateAt() == null ? "none promised" : SlackText.time(e.getNextUpdateAt())));
        return lines;
    }

    /** The note stakeholders get once an incident is mitigated (docs/process.md#stakeholder-updates). */
    private static List<String> mitigatedLines(String note) {
        List<String> lines = new java.util.ArrayList<>();
        if (note != null && !note.isBlank()) {
            lines.add(note);
        }
        lines.add("The impact should be over. Anything still wrong: tell the incident channel below.");
        lines.add("The debrief follows the resolution.");
        return lines;
    }

    private void cancelReminders(String incidentId) {
        for (String kind : List.of(Reminders.UPDATE_DUE, Reminders.LEAD_MISSING, Reminders.COMMS_MISSING)) {
            timers.cancel(incidentId, kind);
        }
    }

    private void post(EventHeader h, String what, String text) {
        slack.enqueue(h.getEventId() + ":" + what, h.getIncidentId(), SlackOutbox.INCIDENT_CHANNEL, "post", text);
    }

    /**
     * Tells {@code #incidents} (any severity) and {@code #engineering} (Major/Critical) under the incident's reference,
     * title and channel; {@code id} is the message ids' suffix ({@code mirror} where the message once was a mirror,
     * so rows queued before this change are not posted again by a replay). A drill is told in {@code #incidents} only
     * (marked DRILL), never in {@code #engineering}; a security incident tells {@code #engineering} only
     * {@code what} happened under its reference, severity and channel ({@link #needToKnow}).
     */
    private void broadcast(EventHeader h, String text, String id, String what) {
        for (Map<String, Object> row : jdbc.queryForList("SELECT reference, title, severity, channel_name, drill,"
                + " incident_type FROM incident WHERE incident_id = ?", h.getIncidentId())) {
            String severity = (String) row.get("severity");
            String told = "*" + row.get("reference") + "* " + row.get("title") + " (" + SlackText.words(severity)
                    + ", <#" + row.get("channel_name") + ">)\n" + text;
            slack.enqueue(h.getEventId() + ":" + id, h.getIncidentId(), "#" + properties.slack().incidentsChannel(),
                    "post", told);
            if (LOUD.contains(severity) && !Boolean.TRUE.equals(row.get("drill"))) {
                slack.enqueue(h.getEventId() + ":" + id + "-eng", h.getIncidentId(),
                        "#" + properties.slack().engineeringChannel(), "post", "SECURITY".equals(row.get("incident_type"))
                                ? needToKnow((String) row.get("reference"), severity, (String) row.get("channel_name"),
                                        what) : told);
            }
        }
    }

    private void mirrorIfLoud(EventHeader h, String severity, String text, String what) {
        if (severity == null || !LOUD.contains(severity)) {
            return;
        }
        // an event for an incident this service never saw declared has no reference to mirror under: skipped
        for (Map<String, Object> row : jdbc.queryForList("SELECT reference, channel_name, drill, incident_type"
                + " FROM incident WHERE incident_id = ?", h.getIncidentId())) {
            String mirrored = row.get("reference") + ": " + text;
            slack.enqueue(h.getEventId() + ":mirror", h.getIncidentId(), "#" + properties.slack().incidentsChannel(),
                    "post", mirrored);
            if (!Boolean.TRUE.equals(row.get("drill"))) {
                slack.enqueue(h.getEventId() + ":mirror-eng", h.getIncidentId(),
                        "#" + properties.slack().engineeringChannel(), "post", "SECURITY".equals(row.get("incident_type"))
                                ? needToKnow((String) row.get("reference"), severity, (String) row.get("channel_name"),
                                        what) : mirrored);
            }
        }
    }

    /**
     * What {@code #engineering} hears of a security incident: its reference, severity and channel, and which kind of
     * thing happened, no title, summary or update text. The policies work incidents in the open and redact sensitive
     * details rather than go private (docs/process.md, Principles and Sensitive data); they name no need-to-know rule,
     * so a security incident's details stay in its channel, where the responders are (whoever needs them joins it),
     * and the widest broadcast says only that it exists and how severe it is.
     */
    private static String needToKnow(String reference, String severity, String channel, String what) {
        return ":lock: *" + reference + "* · " + SlackText.words(severity) + " · security incident: " + what
                + ". Details stay in <#" + channel + ">.";
    }

    private void refreshTopic(EventHeader h) {
        jdbc.queryForList("SELECT reference, severity, status, title FROM incident WHERE incident_id = ?",
                h.getIncidentId()).forEach(row -> slack.enqueue(h.getEventId() + ":topic", h.getIncidentId(),
                        SlackOutbox.INCIDENT_CHANNEL, "topic", SlackText.statusLine((String) row.get("reference"),
                                (String) row.get("severity"), (String) row.get("status"), (String) row.get("title"))));
    }

    private String severity(String incidentId) {
        return jdbc.queryForList("SELECT severity FROM incident WHERE incident_id = ?", String.class, incidentId).stream()
                .findFirst().orElse(null);
    }

    private List<String> affectedServices(String incidentId) {
        return jdbc.query("SELECT affected_services FROM incident WHERE incident_id = ?",
                (rs, n) -> List.of((String[]) rs.getArray(1).getArray()), incidentId).stream().findFirst()
                .orElse(List.of());
    }

    private boolean open(String incidentId) {
        return jdbc.queryForList("SELECT status FROM incident WHERE incident_id = ?", String.class, incidentId).stream()
                .anyMatch(s -> !s.equals("RESOLVED") && !s.equals("CLOSED"));
    }

    private Instant declaredAt(String incidentId) {
        return jdbc.queryForObject("SELECT declared_at FROM incident WHERE incident_id = ?", Timestamp.class,
                incidentId).toInstant();
    }

    /** Moves the incident row forward; a late or replayed event (older sequence) changes nothing (false). */
    private boolean advance(EventHeader h, String assignments, Object... values) {
        return incidents.apply(h.getIncidentId(), h.getSequence(), assignments, values);
    }
}
