package io.firebreak.notification.engine;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.config.NotificationProperties.Level;
import io.firebreak.notification.config.NotificationProperties.Person;
import io.firebreak.notification.config.NotificationProperties.Policy;
import io.firebreak.notification.config.NotificationProperties.Rotation;
import io.firebreak.notification.domain.OnCall;
import io.firebreak.notification.domain.Target;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Escalation paging: page a level's targets, wait for an acknowledgement, then page the next level; repeat the
 * policy if configured. State and timers live in PostgreSQL, so a restart resumes where it was; every page has
 * a unique (incident, level, round, responder) row, so nothing is paged twice. All methods run in the caller's
 * transaction.
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

    public Escalations(JdbcTemplate jdbc, NotificationProperties properties, Timers timers, PagingEvents events,
            SlackOutbox slack) {
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

    public void start(String incidentId, String severity, Instant at) {
        Policy policy = policyFor(severity);
        if (policy == null || policy.levels() == null || policy.levels().isEmpty()) {
            return;
        }
        int inserted = jdbc.update("INSERT INTO escalation (incident_id, policy, state, level, round, started_at, updated_at)"
                + " VALUES (?, ?, 'ACTIVE', 1, 0, ?, ?) ON CONFLICT DO NOTHING", incidentId, severity, ts(at), ts(at));
        if (inserted == 1) {
            pageLevel(incidentId, policy, 1, 0, at);
        }
    }

    /** An ack timeout fired: page the next level, repeat, or give up. Stale timers (already acked, moved on) do nothing. */
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
        Policy policy = policyFor((String) escalation.get("policy"));
        int nextLevel = level + 1;
        int nextRound = round;
        if (nextLevel > policy.levels().size()) {
            if (round >= policy.repeat()) {
                jdbc.update("UPDATE escalation SET state = 'EXHAUSTED', updated_at = ? WHERE incident_id = ?", ts(now),
                        incidentId);
                events.stopped(incidentId, "EXHAUSTED", now);
                slack.enqueue("esc:" + incidentId + ":exhausted", incidentId, SlackOutbox.INCIDENT_CHANNEL, "post",
                        ":warning: Nobody acknowledged the page at any escalation level. Escalation has stopped;"
                                + " page someone by hand.");
                return;
            }
            nextLevel = 1;
            nextRound = round + 1;
        }
        jdbc.update("UPDATE escalation SET level = ?, round = ?, updated_at = ? WHERE incident_id = ?", nextLevel,
                nextRound, ts(now), incidentId);
        events.advanced(incidentId, level, nextLevel, now);
        slack.enqueue("esc:" + incidentId + ":" + nextLevel + ":" + nextRound, incidentId, SlackOutbox.INCIDENT_CHANNEL,
                "post", ":rotating_light: No acknowledgement in time: escalating to level " + nextLevel + ".");
        log.info("escalation.advanced incident={} from={} to={} round={}", incidentId, level, nextLevel, nextRound);
        pageLevel(incidentId, policy, nextLevel, nextRound, now);
    }

    /**
     * Acknowledges a page on behalf of an actor, who becomes the {@code PageAcknowledged} header's actor; the
     * display name is what the page row, the event's {@code acknowledgedBy} and Slack show.
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
        int changed = jdbc.update("UPDATE escalation SET state = 'ACKNOWLEDGED', updated_at = ? WHERE incident_id = ?"
                + " AND state = 'ACTIVE'", ts(now), incidentId);
        if (changed == 1) {
            jdbc.update("UPDATE page SET state = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ? WHERE page_id = ?",
                    ts(now), by, pageId);
            timers.cancel(incidentId, ACK_TIMEOUT);
            events.acknowledged(incidentId, pageId, actorId, actorName, actorKind, now);
            events.stopped(incidentId, "ACKNOWLEDGED", now);
            slack.enqueue("ack:" + pageId, incidentId, SlackOutbox.INCIDENT_CHANNEL, "post",
                    ":white_check_mark: " + by + " acknowledged the page; escalation stopped.");
            log.info("escalation.acknowledged incident={} page={}", incidentId, pageId);
        }
        return Optional.of(incidentId);
    }

    /** The newest page of an incident, for acknowledging "the incident". */
    public Optional<String> latestPage(String incidentId) {
        return jdbc.queryForList("SELECT page_id FROM page WHERE incident_id = ? ORDER BY triggered_at DESC, round DESC,"
                + " level DESC LIMIT 1", String.class, incidentId).stream().findFirst();
    }

    /** The incident was resolved or closed: pending pages are cancelled and paging stops. */
    public void stop(String incidentId, Instant now) {
        int changed = jdbc.update("UPDATE escalation SET state = 'RESOLVED', updated_at = ? WHERE incident_id = ?"
                + " AND state = 'ACTIVE'", ts(now), incidentId);
        timers.cancel(incidentId, ACK_TIMEOUT);
        if (changed == 1) {
            for (String pageId : jdbc.queryForList("SELECT page_id FROM page WHERE incident_id = ? AND state = 'TRIGGERED'",
                    String.class, incidentId)) {
                jdbc.update("UPDATE page SET state = 'CANCELLED' WHERE page_id = ?", pageId);
                if (!paging.pagerdutyRoutingKey().isBlank()) {
                    delivery(pageId, "pagerduty", "resolve", now);
                }
            }
            events.stopped(incidentId, "RESOLVED", now);
        }
    }

    private void pageLevel(String incidentId, Policy policy, int level, int round, Instant at) {
        Level config = policy.levels().get(level - 1);
        for (String target : config.targets()) {
            Responder responder = resolve(Target.parse(target), at);
            String pageId = UUID.randomUUID().toString();
            int inserted = jdbc.update("""
                    INSERT INTO page (page_id, incident_id, level, round, responder_id, responder_name, rotation, state,
                        triggered_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'TRIGGERED', ?) ON CONFLICT DO NOTHING""",
                    pageId, incidentId, level, round, responder.person().id(), responder.person().name(),
                    responder.rotation(), ts(at));
            if (inserted == 0) {
                continue;
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
            if (slackEnabled && responder.person().slackUserId() != null) {
                channels.add("slack");
                slack.enqueue("page:" + pageId, incidentId, "dm:" + responder.person().slackUserId(), "dm",
                        ":rotating_light: You are paged for an incident (level " + level + "). Acknowledge: POST"
                                + " /api/v1/pages/" + pageId + "/ack");
            }
            jdbc.update("INSERT INTO page_delivery (delivery_id, page_id, channel, action, state, next_attempt_at, sent_at)"
                    + " VALUES (?, ?, 'recorded', 'trigger', 'RECORDED', ?, ?) ON CONFLICT DO NOTHING",
                    pageId + ":recorded:trigger", pageId, ts(at), ts(at));
            events.triggered(incidentId, pageId, level, responder.person().id(), responder.person().name(),
                    responder.rotation(), channels, at);
            log.info("page.triggered incident={} level={} round={} responder={}", incidentId, level, round,
                    responder.person().id());
        }
        timers.schedule("ack:" + incidentId + ":" + level + ":" + round, ACK_TIMEOUT, incidentId,
                at.plus(config.ackTimeout()), level + ":" + round);
    }

    private void delivery(String pageId, String channel, String action, Instant at) {
        jdbc.update("INSERT INTO page_delivery (delivery_id, page_id, channel, action, next_attempt_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", pageId + ":" + channel + ":" + action, pageId, channel, action, ts(at));
    }

    private record Responder(Person person, String rotation) {
    }

    private Responder resolve(Target target, Instant at) {
        if (target.kind().equals("person")) {
            return new Responder(paging.people().stream().filter(p -> p.id().equals(target.name())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No person '" + target.name() + "' configured")), null);
        }
        Rotation rotation = paging.rotations().stream().filter(r -> r.name().equals(target.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No rotation '" + target.name() + "' configured"));
        return new Responder(OnCall.pick(rotation.people(), rotation.start(), rotation.handoff(), at, target.offset()),
                rotation.name());
    }

    private Policy policyFor(String severity) {
        if (paging.policies() == null) {
            return null;
        }
        Policy policy = paging.policies().get(severity);
        return policy != null ? policy : paging.policies().get("DEFAULT");
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
