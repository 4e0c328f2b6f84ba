package io.firebreak.notification.engine;

import io.firebreak.notification.acklink.AckLinkIssuer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.oncall.EscalationPolicy;
import io.firebreak.notification.domain.oncall.EscalationStep;
import io.firebreak.notification.domain.oncall.OnCallCalendar;
import io.firebreak.notification.domain.oncall.OnCallModel;
import io.firebreak.notification.domain.oncall.Person;
import io.firebreak.notification.domain.oncall.Route;
import io.firebreak.notification.domain.oncall.Routing;
import io.firebreak.notification.domain.oncall.Schedule;
import io.firebreak.notification.domain.oncall.Service;
import io.firebreak.notification.domain.oncall.Severity;
import io.firebreak.notification.domain.oncall.Target;
import io.firebreak.notification.domain.oncall.Team;
import io.firebreak.notification.oncall.OnCallStore;
import io.firebreak.schemas.paging.PageTargetKind;
import io.firebreak.support.problem.ApiProblem;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Escalation paging on the on-call model: an incident's affected services pick the policy ({@link Routing}; the
 * {@code default} policies seeded from {@code application.yml} for services not in the catalog); each step pages
 * its targets together, waits for an acknowledgement, then pages the next step; a pass without one is announced and
 * the policy repeats as configured, the last pass ends with "nobody acknowledged". State and timers live in
 * PostgreSQL, so a restart resumes where it was; every page has a unique (incident, level, round, responder) row,
 * so nothing is paged twice. Level 0 holds pages made by hand. All methods run in the caller's transaction.
 */
@Component
public class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    static final String ACK_TIMEOUT = "ACK_TIMEOUT";

    private final JdbcTemplate jdbc;
    private final NotificationProperties.Paging paging;
    private final boolean slackEnabled;
    private final Timers timers;
    private final PagingEvents events;
    private final SlackOutbox slack;
    private final OnCallStore oncall;
    private final Routing routing;
    private final String incidentsChannel;
    private final NotificationRules rules;

    private final ObjectProvider<AckLinkIssuer> ackLinks;
    private final ApplicationEventPublisher announcements;

    public Escalations(JdbcTemplate jdbc, NotificationProperties properties, Timers timers, PagingEvents events,
            SlackOutbox slack, OnCallStore oncall, NotificationRules rules, ObjectProvider<AckLinkIssuer> ackLinks,
            ApplicationEventPublisher announcements) {
        this.ackLinks = ackLinks;
        this.announcements = announcements;
        this.oncall = oncall;
        this.rules = rules;
        this.routing = new Routing(properties.oncall().leadership());
        this.incidentsChannel = properties.slack().incidentsChannel();
        this.jdbc = jdbc;
        this.paging = properties.paging();
        this.slackEnabled = properties.slack().enabled();
        this.timers = timers;
        this.events = events;
        this.slack = slack;
    }

    public boolean pagesAtDeclaration(String severity) {
        return paging.pageAtDeclaration().contains(severity);
    }

    /**
     * Starts paging for an incident once: routed by its affected services and severity. Incidents of no catalogued
     * service page with the default policy, and only at the severities {@code page-at-declaration} lists.
     */
    public void start(String incidentId, String severity, List<String> affectedServices, Instant at) {
        OnCallModel model = oncall.model();
        Severity level = Severity.valueOf(severity);
        Map<String, Object> declared = jdbc.queryForMap("SELECT drill, declared_by_id, declared_by_name FROM incident"
                + " WHERE incident_id = ?", incidentId);
        if (Boolean.TRUE.equals(declared.get("drill"))) {
            startDrill(incidentId, model, level, (String) declared.get("declared_by_id"),
                    (String) declared.get("declared_by_name"), at);
            return;
        }
        Route route = routing.route(model, affectedServices, level, at);
        String ref;
        EscalationPolicy policy;
        if (route instanceof Route.TellChannel tell) {
            Map<String, Object> incident = incident(incidentId);
            slack.enqueue("route:" + incidentId + ":" + tell.channel(), incidentId, "#" + tell.channel(), "post",
                    ":information_source: " + incident.get("reference") + " " + incident.get("title") + " ("
                            + severity.toLowerCase(Locale.ROOT) + ", " + tell.service().name()
                            + ") came in outside business hours, so nobody was paged. Join <#"
                            + incident.get("channel_name") + "> when you are back." + runbook(tell.service()));
            log.info("escalation.told_channel incident={} channel={}", incidentId, tell.channel());
            return;
        }
        if (route instanceof Route.Escalate escalate) {
            ref = escalate.ref();
            policy = escalate.policy();
        } else {
            if (!pagesAtDeclaration(severity)) {
                return;
            }
            policy = defaultPolicy(model, level);
            ref = policy == null ? null : "policy:" + policy.id();
        }
        if (policy == null || policy.steps().isEmpty()) {
            return;
        }
        int inserted = jdbc.update("INSERT INTO escalation (incident_id, policy, state, level, round, started_at, updated_at)"
                + " VALUES (?, ?, 'ACTIVE', 1, 0, ?, ?) ON CONFLICT DO NOTHING", incidentId, ref, ts(at), ts(at));
        if (inserted == 1) {
            log.info("escalation.started incident={} policy={}", incidentId, ref);
            pageStep(incidentId, model, policy, 1, 0, at);
        }
    }

    /**
     * A drill pages the declarer's own team only, never leadership, and does not escalate ({@link Routing#drill}):
     * the team's on-call (and, for a Critical, its engineering manager), once. A declarer on no team of the catalog
     * pages nobody, and the channel is told why.
     */
    private void startDrill(String incidentId, OnCallModel model, Severity level, String declarerId,
            String declarerName, Instant at) {
        Optional<Team> team = Routing.teamOf(model, declarerId);
        EscalationPolicy policy = team.map(t -> routing.drill(model, t, level)).orElse(null);
        if (policy == null || policy.steps().isEmpty()) {
            String who = declarerName == null ? declarerId : declarerName;
            slack.enqueue("drill:" + incidentId + ":nobody", incidentId, SlackOutbox.INCIDENT_CHANNEL, "post",
                    ":information_source: A drill pages only the declarer's own team. " + (team.isEmpty()
                            ? who + " is on no team of the on-call catalog (no team's schedule or managers name them)"
                            : team.get().name() + " has nobody on call to page now")
                            + ", so nobody was paged. Page someone by hand to practise that part.");
            log.info("escalation.drill_pages_nobody incident={} declarer={}", incidentId, declarerId);
            return;
        }
        int inserted = jdbc.update("INSERT INTO escalation (incident_id, policy, state, level, round, started_at, updated_at)"
                + " VALUES (?, ?, 'ACTIVE', 1, 0, ?, ?) ON CONFLICT DO NOTHING", incidentId, policy.id(), ts(at), ts(at));
        if (inserted == 1) {
            slack.enqueue("drill:" + incidentId + ":team", incidentId, SlackOutbox.INCIDENT_CHANNEL, "post",
                    ":information_source: A drill pages only the declarer's own team (" + team.get().name()
                            + "), once, and never leadership.");
            log.info("escalation.started incident={} policy={} drill=true", incidentId, policy.id());
            pageStep(incidentId, model, policy, 1, 0, at);
        }
    }

    /**
     * An ack timeout fired: page the next step, or announce that nobody acknowledged and repeat the policy, or (no
     * repeat left) stop with that announcement. Stale timers (already acked, moved on) do nothing.
     */
    public void onAckTimeout(String incidentId, String payload, Instant now) {
        int level = Integer.parseInt(payload.split(":")[0]);
        int round = Integer.parseInt(payload.split(":")[1]);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM escalation WHERE incident_id = ? FOR UPDATE",
                incidentId);
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Object> escalation = rows.get(0);
        if (!"ACTIVE".equals(escalation.get("state")) || ((Number) escalation.get("level")).intValue() != level
                || ((Number) escalation.get("round")).intValue() != round) {
            return;
        }
        OnCallModel model = oncall.model();
        EscalationPolicy policy = policyOf(model, (String) escalation.get("policy"));
        int nextLevel = level + 1;
        int nextRound = round;
        if (policy == null || nextLevel > policy.steps().size()) {
            if (policy == null || round >= policy.repeat()) {
                jdbc.update("UPDATE escalation SET state = 'EXHAUSTED', updated_at = ? WHERE incident_id = ?", ts(now),
                        incidentId);
                events.stopped(incidentId, "EXHAUSTED", now);
                announce(incidentId, "exhausted", ":warning: Nobody acknowledged the page at any escalation level"
                        + (policy == null ? "" : " after " + (round + 1) + " pass" + (round == 0 ? "" : "es")
                                + " through " + policy.name())
                        + ". Escalation has stopped; page someone by hand.");
                return;
            }
            nextLevel = 1;
            nextRound = round + 1;
            announce(incidentId, "repeat:" + nextRound, ":warning: Nobody acknowledged after every step of "
                    + policy.name() + "; paging from the first step again (pass " + (nextRound + 1) + " of "
                    + (policy.repeat() + 1) + ").");
        }
        jdbc.update("UPDATE escalation SET level = ?, round = ?, updated_at = ? WHERE incident_id = ?", nextLevel,
                nextRound, ts(now), incidentId);
        events.advanced(incidentId, level, nextLevel, now);
        slack.enqueue("esc:" + incidentId + ":" + nextLevel + ":" + nextRound, incidentId, SlackOutbox.INCIDENT_CHANNEL,
                "post", ":rotating_light: No acknowledgement in time: escalating to level " + nextLevel + ".");
        log.info("escalation.advanced incident={} from={} to={} round={}", incidentId, level, nextLevel, nextRound);
        pageStep(incidentId, model, policy, nextLevel, nextRound, now);
    }

    /**
     * Acknowledges a page on behalf of an actor, who becomes the {@code PageAcknowledged} header's actor; the
     * display name is what the page row, the event's {@code acknowledgedBy} and Slack show. An escalation page stops
     * the escalation; a page made by hand (level 0) is acknowledged alone.
     *
     * @return the page's incident, or empty when the page is unknown
     */
    public Optional<String> acknowledge(String pageId, String actorId, String actorName, ActorKind actorKind,
            Instant now) {
        String by = actorName;
        List<Map<String, Object>> pages = jdbc.queryForList("SELECT * FROM page WHERE page_id = ? FOR UPDATE", pageId);
        if (pages.isEmpty()) {
            return Optional.empty();
        }
        String incidentId = (String) pages.get(0).get("incident_id");
        Instant triggeredAt = ((java.sql.Timestamp) pages.get(0).get("triggered_at")).toInstant();
        if (((Number) pages.get(0).get("level")).intValue() == 0) {
            if (jdbc.update("UPDATE page SET state = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?"
                    + " WHERE page_id = ? AND state = 'TRIGGERED'", ts(now), by, pageId) == 1) {
                events.acknowledged(incidentId, pageId, actorId, actorName, actorKind, triggeredAt, now);
                slack.enqueue("ack:" + pageId, incidentId, SlackOutbox.INCIDENT_CHANNEL, "post",
                        ":white_check_mark: " + by + " acknowledged the page made by hand for "
                                + pages.get(0).get("responder_name") + ".");
            }
            return Optional.of(incidentId);
        }
        int changed = jdbc.update("UPDATE escalation SET state = 'ACKNOWLEDGED', updated_at = ? WHERE incident_id = ?"
                + " AND state = 'ACTIVE'", ts(now), incidentId);
        if (changed == 1) {
            jdbc.update("UPDATE page SET state = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ? WHERE page_id = ?",
                    ts(now), by, pageId);
            timers.cancel(incidentId, ACK_TIMEOUT);
            events.acknowledged(incidentId, pageId, actorId, actorName, actorKind, triggeredAt, now);
            events.stopped(incidentId, "ACKNOWLEDGED", now);
            slack.enqueue("ack:" + pageId, incidentId, SlackOutbox.INCIDENT_CHANNEL, "post",
                    ":white_check_mark: " + by + " acknowledged the page; escalation stopped.");
            log.info("escalation.acknowledged incident={} page={}", incidentId, pageId);
        }
        return Optional.of(incidentId);
    }

    /** The newest page of an incident for acknowledging "the incident": an escalation page before one made by hand. */
    public Optional<String> latestPage(String incidentId) {
        return jdbc.queryForList("SELECT page_id FROM page WHERE incident_id = ? ORDER BY (level > 0) DESC,"
                + " triggered_at DESC, round DESC, level DESC LIMIT 1", String.class, incidentId).stream().findFirst();
    }

    /** The incident was resolved or closed: pending pages are cancelled and paging stops. */
    public void stop(String incidentId, Instant now) {
        stop(incidentId, null, now);
    }

    /**
     * Paging for the incident stops: the escalation (if running) ends as RESOLVED and every page still waiting for
     * an acknowledgement, escalation or by hand, is cancelled and resolved in PagerDuty, except
     * {@code resolvedInPagerDuty}, the page whose PagerDuty incident is already resolved (null: none).
     */
    public void stop(String incidentId, String resolvedInPagerDuty, Instant now) {
        int changed = jdbc.update("UPDATE escalation SET state = 'RESOLVED', updated_at = ? WHERE incident_id = ?"
                + " AND state = 'ACTIVE'", ts(now), incidentId);
        timers.cancel(incidentId, ACK_TIMEOUT);
        for (String pageId : jdbc.queryForList("UPDATE page SET state = 'CANCELLED' WHERE incident_id = ?"
                + " AND state = 'TRIGGERED' RETURNING page_id", String.class, incidentId)) {
            if (!paging.pagerdutyRoutingKey().isBlank() && !pageId.equals(resolvedInPagerDuty)) {
                delivery(pageId, "pagerduty", "resolve", now);
            }
        }
        if (changed == 1) {
            events.stopped(incidentId, "RESOLVED", now);
        }
    }

    /** The incident of a page, if the page exists. */
    public Optional<String> incidentOf(String pageId) {
        return jdbc.queryForList("SELECT incident_id FROM page WHERE page_id = ?", String.class, pageId).stream()
                .findFirst();
    }

    /** A page made by hand. */
    public record OnDemandPage(String pageId, String responderId, String responderName, String via) {
    }

    /**
     * Pages a person, or whoever is on call for a schedule, a team or a service, by hand: level 0, one round per
     * request, each page a {@code PageTriggered} like any other. Nobody reachable is refused (422).
     */
    public List<OnDemandPage> pageOnDemand(String incidentId, OnDemandTarget kind, String id, String message,
            String byId, String byName, ActorKind byKind, Instant at) {
        io.firebreak.schemas.incident.Actor actor = new io.firebreak.schemas.incident.Actor(byId, byName,
                io.firebreak.schemas.incident.ActorKind.valueOf(byKind.name()));
        if (jdbc.queryForList("SELECT 1 FROM incident WHERE incident_id = ?", Integer.class, incidentId).isEmpty()) {
            throw ApiProblem.notFound("incident with this id");
        }
        OnCallModel model = oncall.model();
        Map<String, Responder> responders = new LinkedHashMap<>();
        String what = switch (kind) {
            case PERSON -> {
                require(model.people().containsKey(id), "person");
                add(responders, model, id, null, new Aim(PageTargetKind.PERSON, id));
                yield model.people().get(id).name();
            }
            case SCHEDULE -> {
                require(model.schedules().containsKey(id), "schedule");
                onCall(model, model.schedules().get(id), at, responders);
                yield model.schedules().get(id).name();
            }
            case TEAM -> {
                require(model.teams().containsKey(id), "team");
                teamOnCall(model, model.teams().get(id), at, responders);
                yield model.teams().get(id).name();
            }
            case SERVICE -> {
                require(model.services().containsKey(id), "service");
                Service service = model.services().get(id);
                Team team = model.teams().get(service.teamId());
                if (team != null) {
                    teamOnCall(model, team, at, responders);
                }
                yield service.name();
            }
        };
        if (drill(incidentId)) {
            responders.keySet().removeIf(routing::leadership);
            if (responders.isEmpty()) {
                throw ApiProblem.invalid("target", "a drill never pages leadership, and nobody else is reached by it");
            }
        }
        if (responders.isEmpty()) {
            throw ApiProblem.invalid("target", "nobody is on call for it now");
        }
        int round = jdbc.queryForObject("SELECT COALESCE(MAX(round), -1) + 1 FROM page WHERE incident_id = ? AND level = 0",
                Integer.class, incidentId);
        String note = message == null || message.isBlank() ? "" : ": " + message.strip();
        List<OnDemandPage> paged = new ArrayList<>();
        Map<String, Object> incident = incident(incidentId);
        String text = ":pager: " + ("SECURITY".equals(incident.get("incident_type")) ? ":lock: *SECURITY* " : "")
                + byName + " pages you for " + incident.get("reference") + " " + incident.get("title") + note;
        for (Responder responder : responders.values()) {
            String pageId = page(incidentId, 0, round, responder, at, text, actor, new PagingEvents.PageContext(PageTargetKind.valueOf(kind.name()), id, null, null,
                            round, message == null || message.isBlank() ? null : message.strip()));
            if (pageId != null) {
                paged.add(new OnDemandPage(pageId, responder.person().id(), responder.person().name(), responder.via()));
            }
        }
        slack.enqueue("manual:" + incidentId + ":" + round, incidentId, SlackOutbox.INCIDENT_CHANNEL, "post",
                ":pager: " + byName + " paged " + what + " (" + String.join(", ", paged.stream()
                        .map(OnDemandPage::responderName).toList()) + ")" + note);
        log.info("page.on_demand incident={} kind={} round={} pages={}", incidentId, kind, round, paged.size());
        return paged;
    }

    private static void require(boolean known, String what) {
        if (!known) {
            throw ApiProblem.invalid("target.id", "names no " + what);
        }
    }

    private void teamOnCall(OnCallModel model, Team team, Instant at, Map<String, Responder> responders) {
        Schedule schedule = team.scheduleId() == null ? null : model.schedules().get(team.scheduleId());
        if (schedule != null) {
            onCall(model, schedule, at, responders);
        }
        if (responders.isEmpty() && team.engineeringManager() != null) {
            add(responders, model, team.engineeringManager(), null,
                    new Aim(PageTargetKind.PERSON, team.engineeringManager()));
        }
    }

    private void pageStep(String incidentId, OnCallModel model, EscalationPolicy policy, int level, int round,
            Instant at) {
        EscalationStep step = policy.steps().get(level - 1);
        Map<String, Responder> responders = new LinkedHashMap<>();
        Set<String> channels = new java.util.LinkedHashSet<>();
        expand(model, step.targets(), at, responders, channels, new HashSet<>(Set.of(policy.id())));
        Map<String, Object> incident = incident(incidentId);
        // a drill's DM is marked DRILL by the outbox; a security incident says so here
        String text = ":rotating_light: " + ("SECURITY".equals(incident.get("incident_type")) ? ":lock: *SECURITY* " : "")
                + "You are paged for " + incident.get("reference") + " " + incident.get("title") + " ("
                + io.firebreak.notification.domain.SlackText.words((String) incident.get("severity")) + ", level "
                + level + ").";
        for (Responder responder : responders.values()) {
            page(incidentId, level, round, responder, at, text, PagingEvents.SYSTEM, new PagingEvents.PageContext(responder.aim().kind(),
                            responder.aim().id(), policy.id(), level, round, null));
        }
        if (!channels.isEmpty()) {
            for (String channel : channels) {
                slack.enqueue("esc:" + incidentId + ":" + level + ":" + round + ":#" + channel, incidentId, "#" + channel,
                        "post", ":rotating_light: " + incident.get("reference") + " " + incident.get("title") + " ("
                                + io.firebreak.notification.domain.SlackText.words((String) incident.get("severity")) + ") needs this team: join <#"
                                + incident.get("channel_name") + ">.");
            }
        }
        if (responders.isEmpty() && channels.isEmpty()) {
            slack.enqueue("esc:" + incidentId + ":" + level + ":" + round + ":nobody", incidentId,
                    SlackOutbox.INCIDENT_CHANNEL, "post", ":warning: Step " + level + " of " + policy.name()
                            + " reached nobody (an empty schedule or a removed target).");
        }
        timers.schedule("ack:" + incidentId + ":" + level + ":" + round, ACK_TIMEOUT, incidentId,
                at.plus(step.delay()), level + ":" + round);
    }

    /** A step's targets as people to page (by person id, once each) and team channels to tell. */
    private void expand(OnCallModel model, List<Target> targets, Instant at, Map<String, Responder> responders,
            Set<String> channels, Set<String> policiesSeen) {
        for (Target target : targets) {
            switch (target.kind()) {
                case PERSON -> add(responders, model, target.id(), null, new Aim(PageTargetKind.PERSON, target.id()));
                case SCHEDULE -> {
                    Schedule schedule = model.schedules().get(target.id());
                    if (schedule != null) {
                        onCall(model, schedule, at, responders);
                    }
                }
                case ROTATION -> model.rotation(target.id()).ifPresent(rotation -> {
                    String person = rotation.onCall(at, target.offset());
                    if (person != null) {
                        add(responders, model, person, rotation.id(),
                                new Aim(PageTargetKind.ROTATION, rotation.id()));
                    }
                });
                case TEAM_CHANNEL -> {
                    Team team = model.teams().get(target.id());
                    if (team != null && team.slackChannel() != null) {
                        channels.add(team.slackChannel());
                    }
                }
                case POLICY -> {
                    EscalationPolicy other = model.policies().get(target.id());
                    if (other != null && policiesSeen.add(other.id()) && !other.steps().isEmpty()) {
                        expand(model, other.steps().get(0).targets(), at, responders, channels, policiesSeen);
                    }
                }
            }
        }
    }

    private static void onCall(OnCallModel model, Schedule schedule, Instant at, Map<String, Responder> responders) {
        OnCallCalendar.at(schedule, model.overridesOf(schedule.id()), at)
                .forEach(person -> add(responders, model, person, schedule.id(),
                        new Aim(PageTargetKind.SCHEDULE, schedule.id())));
    }

    private static void add(Map<String, Responder> responders, OnCallModel model, String personId, String via,
            Aim aim) {
        Person person = model.people().get(personId);
        if (person == null) {
            log.warn("page.unknown_person person={}", personId);
            return;
        }
        responders.putIfAbsent(personId, new Responder(person, via, aim));
    }

    /** The signed link to acknowledge from the DM (no token needed), else the API call. */
    private String acknowledge(String pageId, String personId) {
        AckLinkIssuer issuer = ackLinks.getIfAvailable();
        return issuer == null ? "Acknowledge: POST /api/v1/pages/" + pageId + "/ack"
                : "<" + issuer.issue(pageId, personId) + "|Acknowledge>";
    }

    /** @return the new page's id, or null when this responder was already paged at this level and round */
    private String page(String incidentId, int level, int round, Responder responder, Instant at, String dmText,
            io.firebreak.schemas.incident.Actor actor, PagingEvents.PageContext context) {
        String pageId = UUID.randomUUID().toString();
        int inserted = jdbc.update("""
                INSERT INTO page (page_id, incident_id, level, round, responder_id, responder_name, rotation, state,
                    triggered_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'TRIGGERED', ?) ON CONFLICT DO NOTHING""",
                pageId, incidentId, level, round, responder.person().id(), responder.person().name(),
                responder.via(), ts(at));
        if (inserted == 0) {
            return null;
        }
        List<String> channels = new ArrayList<>(List.of("recorded"));
        if (!paging.pagerdutyRoutingKey().isBlank()) {
            channels.add("pagerduty");
            delivery(pageId, "pagerduty", "trigger", at);
        }
        if (!paging.webhookUrl().isBlank()) {
            channels.add("webhook");
            delivery(pageId, "webhook", "trigger", at);
        }
        if (slackEnabled && responder.person().slackUserId() != null
                && NotificationRules.pageSendsSlackDm(responder.person())) {
            channels.add("slack");
            slack.enqueuePageDm("page:" + pageId, incidentId, responder.person().slackUserId(),
                    dmText + " " + acknowledge(pageId, responder.person().id()), pageId);
        }
        rules.schedule(pageId, incidentId, responder.person(), at);
        jdbc.update("INSERT INTO page_delivery (delivery_id, page_id, channel, action, state, next_attempt_at, sent_at)"
                + " VALUES (?, ?, 'recorded', 'trigger', 'RECORDED', ?, ?) ON CONFLICT DO NOTHING",
                pageId + ":recorded:trigger", pageId, ts(at), ts(at));
        events.triggered(incidentId, pageId, level, responder.person().id(), responder.person().name(),
                responder.via(), channels, at, actor, context);
        log.info("page.triggered incident={} level={} round={} responder={}", incidentId, level, round,
                responder.person().id());
        return pageId;
    }

    private void delivery(String pageId, String channel, String action, Instant at) {
        jdbc.update("INSERT INTO page_delivery (delivery_id, page_id, channel, action, next_attempt_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", pageId + ":" + channel + ":" + action, pageId, channel, action, ts(at));
        announcements.publishEvent(new PageDeliveriesDue());
    }

    /** Who is paged, and through which schedule or rotation (null: named directly). */
    private record Responder(Person person, String via, Aim aim) {
    }

    /** The target that led to a responder: an escalation step's target, or what was paged by hand. */
    private record Aim(PageTargetKind kind, String id) {
    }

    /** A stored policy reference; older escalations stored their severity, meaning its default policy. */
    private EscalationPolicy policyOf(OnCallModel model, String ref) {
        if (ref.indexOf(':') < 0) {
            return defaultPolicy(model, Severity.valueOf(ref.equals("DEFAULT") ? "MINOR" : ref));
        }
        return routing.resolve(model, ref).orElse(null);
    }

    /** {@code default-<severity>}, else {@code default}: the policy for incidents of no catalogued service. */
    private static EscalationPolicy defaultPolicy(OnCallModel model, Severity severity) {
        EscalationPolicy specific = model.policies().get("default-" + severity.name().toLowerCase(Locale.ROOT));
        return specific != null ? specific : model.policies().get("default");
    }

    /** Posts in the incident's channel and in #incidents. */
    private void announce(String incidentId, String what, String text) {
        slack.enqueue("esc:" + incidentId + ":" + what, incidentId, SlackOutbox.INCIDENT_CHANNEL, "post", text);
        Map<String, Object> incident = incident(incidentId);
        slack.enqueue("esc:" + incidentId + ":" + what + ":announce", incidentId, "#" + incidentsChannel, "post",
                incident.get("reference") + " " + incident.get("title") + ": " + text);
    }

    private Map<String, Object> incident(String incidentId) {
        return jdbc.queryForMap("SELECT reference, title, severity, channel_name, incident_type FROM incident"
                + " WHERE incident_id = ?", incidentId);
    }

    private boolean drill(String incidentId) {
        return jdbc.queryForList("SELECT drill FROM incident WHERE incident_id = ?", Boolean.class, incidentId).stream()
                .anyMatch(Boolean.TRUE::equals);
    }

    private static String runbook(Service service) {
        return service.runbookUrl() == null ? "" : " Runbook: " + service.runbookUrl();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
