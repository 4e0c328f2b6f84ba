package io.firebreak.notification.web;

import io.firebreak.notification.engine.Escalations;
import io.firebreak.schemas.sensitive.SecretDetector;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Acknowledging pages, and what was sent where: the escalation and every notification with its delivery state. */
@RestController
public class PagingController {

    private final Escalations escalations;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Scheduler blocking;
    private final Clock clock;

    public PagingController(Escalations escalations, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            Scheduler blockingScheduler, Clock clock) {
        this.escalations = escalations;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.blocking = blockingScheduler;
        this.clock = clock;
    }

    /** Who acknowledges. */
    public record Ack(String by) {
    }

    @PostMapping("/api/v1/pages/{pageId}/ack")
    public Mono<Map<String, Object>> ackPage(@PathVariable String pageId, @RequestBody(required = false) Ack body) {
        String by = who(body);
        return Mono.fromCallable(() -> {
            String incidentId = transaction.execute(status -> escalations.acknowledge(pageId, by, clock.instant())
                    .orElseThrow(() -> ApiProblem.notFound("page " + pageId)));
            return escalation(incidentId);
        }).subscribeOn(blocking);
    }

    @PostMapping("/api/v1/incidents/{id}/ack")
    public Mono<Map<String, Object>> ackIncident(@PathVariable String id, @RequestBody(required = false) Ack body) {
        String by = who(body);
        return Mono.fromCallable(() -> {
            transaction.executeWithoutResult(status -> {
                String pageId = escalations.latestPage(id).orElseThrow(() -> ApiProblem.notFound("page for incident " + id));
                escalations.acknowledge(pageId, by, clock.instant());
            });
            return escalation(id);
        }).subscribeOn(blocking);
    }

    @GetMapping("/api/v1/incidents/{id}/escalation")
    public Mono<Map<String, Object>> escalationOf(@PathVariable String id) {
        return Mono.fromCallable(() -> escalation(id)).subscribeOn(blocking);
    }

    @GetMapping("/api/v1/incidents/{id}/notifications")
    public Mono<Map<String, Object>> notifications(@PathVariable String id) {
        return Mono.fromCallable(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("incidentId", id);
            body.put("slack", jdbc.queryForList("""
                    SELECT message_id AS "id", target, action, text, state, attempts, created_at AS "createdAt",
                           sent_at AS "sentAt", error FROM slack_message WHERE incident_id = ? ORDER BY position""", id)
                    .stream().map(PagingController::timestamps).toList());
            body.put("pages", jdbc.queryForList("""
                    SELECT d.delivery_id AS "id", d.page_id AS "pageId", p.level, p.responder_id AS "responder",
                           d.channel, d.action, d.state, d.attempts, d.sent_at AS "sentAt", d.error
                    FROM page_delivery d JOIN page p ON p.page_id = d.page_id WHERE p.incident_id = ?
                    ORDER BY p.triggered_at, d.delivery_id""", id).stream().map(PagingController::timestamps).toList());
            return body;
        }).subscribeOn(blocking);
    }

    private Map<String, Object> escalation(String incidentId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT state, level, round, policy, started_at AS \"startedAt\","
                + " updated_at AS \"updatedAt\" FROM escalation WHERE incident_id = ?", incidentId);
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("escalation for incident " + incidentId);
        }
        Map<String, Object> body = new LinkedHashMap<>(timestamps(rows.get(0)));
        body.put("incidentId", incidentId);
        body.put("pages", jdbc.queryForList("""
                SELECT page_id AS "pageId", level, round, responder_id AS "responderId", responder_name AS "responderName",
                       rotation, state, triggered_at AS "triggeredAt", acknowledged_at AS "acknowledgedAt",
                       acknowledged_by AS "acknowledgedBy" FROM page WHERE incident_id = ? ORDER BY triggered_at, round, level""",
                incidentId).stream().map(PagingController::timestamps).toList());
        body.put("pending", jdbc.queryForList("SELECT kind, due_at AS \"dueAt\", payload FROM timer WHERE incident_id = ?"
                + " AND state = 'PENDING' AND kind = 'ACK_TIMEOUT' ORDER BY due_at", incidentId).stream()
                .map(PagingController::timestamps).toList());
        return body;
    }

    private static Map<String, Object> timestamps(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>();
        row.forEach((k, v) -> copy.put(k, v instanceof Timestamp t ? t.toInstant() : v));
        return copy;
    }

    private static String who(Ack body) {
        String by = body == null || body.by() == null || body.by().isBlank() ? "unknown" : body.by().strip();
        if (by.length() > 200 || SecretDetector.first(by).isPresent()) {
            throw ApiProblem.invalid("by", "'by' must be a name or id");
        }
        return by;
    }
}
