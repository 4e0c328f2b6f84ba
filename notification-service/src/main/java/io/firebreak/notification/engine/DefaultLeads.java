package io.firebreak.notification.engine;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.oncall.OnCallModel;
import io.firebreak.notification.domain.oncall.Person;
import io.firebreak.notification.domain.oncall.Routing;
import io.firebreak.notification.domain.oncall.Team;
import io.firebreak.notification.oncall.OnCallStore;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.command.AssignRoleRequest;
import io.firebreak.schemas.command.IncidentCommandRequested;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.support.outbox.Outbox;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Major and Critical incidents must have a lead (issue 16, docs/process.md): one still without a lead
 * {@code default-lead.after} its declaration (4 minutes, before incident-command's own fallback at 5 makes the
 * declarer lead) is given the default lead of its owning team from the on-call catalog. incident-command owns roles,
 * so this is a request: an {@code IncidentCommandRequested} (AssignRoleRequest INCIDENT_LEAD, actor
 * notification-service, SYSTEM) appended to the outbox in the timer's transaction, like the Slack surface's requests;
 * the channel is told at once, and the RoleAssigned that follows is posted as any other. No team with a default
 * lead: nothing is asked, and incident-command's fallback applies. Drills are treated alike.
 */
@Component
public class DefaultLeads {

    private static final Logger log = LoggerFactory.getLogger(DefaultLeads.class);
    static final String DEFAULT_LEAD = "DEFAULT_LEAD";
    /** The actor of the requests: this service, acting on its own. */
    static final Actor SYSTEM = new Actor("notification-service", "Firebreak (default lead)", ActorKind.SYSTEM);
    private static final Set<String> LOUD = Set.of("MAJOR", "CRITICAL");

    private final JdbcTemplate jdbc;
    private final Timers timers;
    private final Outbox outbox;
    private final SlackOutbox slack;
    private final OnCallStore oncall;
    private final Duration after;

    public DefaultLeads(JdbcTemplate jdbc, Timers timers, SlackOutbox slack, OnCallStore oncall,
            NotificationProperties properties) {
        this.jdbc = jdbc;
        this.timers = timers;
        this.outbox = new Outbox(jdbc);
        this.slack = slack;
        this.oncall = oncall;
        this.after = properties.defaultLead().after();
    }

    /**
     * The incident became Major or Critical: the default lead is due {@code after} its declaration, not before
     * {@code notBefore} (a severity raised later). Once per incident.
     */
    void schedule(String incidentId, Instant declaredAt, Instant notBefore) {
        Instant due = declaredAt.plus(after);
        timers.schedule("default-lead:" + incidentId, DEFAULT_LEAD, incidentId, due.isBefore(notBefore) ? notBefore : due,
                null);
    }

    public boolean handles(String kind) {
        return DEFAULT_LEAD.equals(kind);
    }

    /** Due: asks for the team's default lead when the incident is still open, Major or Critical, without a lead. */
    public void fire(String timerId, String incidentId, Instant now) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT reference, severity, status, lead_name,"
                + " affected_services, declared_at FROM incident WHERE incident_id = ?", incidentId);
        if (rows.isEmpty() || rows.get(0).get("lead_name") != null || !LOUD.contains(rows.get(0).get("severity"))
                || List.of("RESOLVED", "CLOSED").contains(rows.get(0).get("status"))) {
            return;
        }
        Map<String, Object> incident = rows.get(0);
        OnCallModel model = oncall.model();
        List<String> services = services(incident.get("affected_services"));
        Optional<Team> team = Routing.defaultLeadTeam(model, services);
        if (team.isEmpty()) {
            log.info("default_lead.none incident={}", incidentId);
            return;
        }
        Person lead = model.people().get(team.get().defaultLead());
        String commandId = UUID.randomUUID().toString();
        outbox.append(commandId, Topics.INCIDENT_COMMANDS, incidentId, IncidentCommandRequested.newBuilder()
                .setCommandId(commandId)
                .setRequestedAt(now)
                .setActor(SYSTEM)
                // the request's surface: only API, CLI and SLACK are accepted, and this is a service asking, not Slack
                .setSource(IncidentSource.API)
                .setIncidentId(incidentId)
                .setCommand(new AssignRoleRequest(IncidentRole.INCIDENT_LEAD, new io.firebreak.schemas.incident.Person(
                        lead.id(), lead.name(), lead.email(), lead.slackUserId()), false))
                .build());
        Instant declaredAt = ((Timestamp) incident.get("declared_at")).toInstant();
        slack.enqueue(timerId, incidentId, SlackOutbox.INCIDENT_CHANNEL, "post", ":bust_in_silhouette: Nobody has"
                + " taken the lead " + Math.max(1, Duration.between(declaredAt, now).toMinutes())
                + " minutes after declaration: asking to make " + (lead.slackUserId() == null ? lead.name()
                        : "<@" + lead.slackUserId() + ">") + " (default lead of " + team.get().name()
                + ") the incident lead.");
        log.info("default_lead.requested incident={} team={} lead={} command={}", incidentId, team.get().id(),
                lead.id(), commandId);
    }

    private static List<String> services(Object column) {
        try {
            return column instanceof java.sql.Array array ? List.of((String[]) array.getArray()) : List.of();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
