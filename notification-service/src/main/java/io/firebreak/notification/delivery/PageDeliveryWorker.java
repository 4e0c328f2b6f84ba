package io.firebreak.notification.delivery;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.IncidentMarks;
import io.firebreak.notification.engine.PageDeliveriesDue;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers pages outside Firebreak: PagerDuty Events API v2 (dedup_key = page id, so a retry never pages twice) and
 * a generic webhook (carrying the delivery id for the same reason). Retries with back-off; never drops.
 */
@Component
public class PageDeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(PageDeliveryWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final NotificationProperties.Paging paging;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "page-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean nudged = new AtomicBoolean();

    public PageDeliveryWorker(JdbcTemplate jdbc, NotificationProperties properties, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.paging = properties.paging();
        this.json = json;
        this.clock = clock;
    }

    /**
     * A new page's deliveries go out as soon as the transaction that made them commits, on this worker's own thread
     * (never the Kafka consumer's); the poll below stays for retries, leases and other instances' rows.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void onDue(PageDeliveriesDue due) {
        if (nudged.compareAndSet(false, true)) {
            nudges.execute(() -> {
                nudged.set(false);
                deliverDue();
            });
        }
    }

    @PreDestroy
    void stopNudges() {
        nudges.shutdownNow();
    }

    // a due page waits at most one interval for its first attempt: part of alert → page (BENCHMARKS.md, p99 < 1 s)
    @Scheduled(fixedDelayString = "${firebreak.notification.paging.delivery-poll-interval:200ms}")
    public synchronized void deliverDue() {
        Instant now = clock.instant();
        // Claim by lease: due deliveries are pushed LEASE into the future in one statement (SKIP LOCKED), so a second
        // instance polling at the same moment takes other rows; a crash mid-send leaves the row to be retried after
        // the lease, with the same dedup key / delivery id, so the receiver can drop the repeat.
        List<Map<String, Object>> due = jdbc.queryForList("""
                WITH claimed AS (
                    UPDATE page_delivery SET next_attempt_at = ? WHERE delivery_id IN (
                        SELECT delivery_id FROM page_delivery WHERE state = 'PENDING' AND next_attempt_at <= ?
                        ORDER BY next_attempt_at LIMIT 50 FOR UPDATE SKIP LOCKED)
                    RETURNING *)
                SELECT d.*, p.incident_id, p.level, p.responder_id, p.responder_name, i.reference, i.title, i.severity,
                    i.drill, i.incident_type
                FROM claimed d JOIN page p ON p.page_id = d.page_id JOIN incident i ON i.incident_id = p.incident_id
                ORDER BY d.next_attempt_at""",
                Timestamp.from(now.plus(LEASE)), Timestamp.from(now));
        for (Map<String, Object> delivery : due) {
            IncidentMarks marks = IncidentMarks.of(Boolean.TRUE.equals(delivery.get("drill")),
                    (String) delivery.get("incident_type"));
            try {
                HttpRequest request = switch ((String) delivery.get("channel")) {
                    case "pagerduty" -> post(paging.pagerdutyEventsUrl(), Map.of(
                            "routing_key", paging.pagerdutyRoutingKey(),
                            "event_action", delivery.get("action"),
                            "dedup_key", delivery.get("page_id"),
                            "payload", Map.of("summary", marks.plain() + delivery.get("reference") + " "
                                            + delivery.get("title") + " (level " + delivery.get("level") + ")",
                                    "source", "firebreak", "severity",
                                    "CRITICAL".equals(delivery.get("severity")) ? "critical" : "error",
                                    "custom_details", Map.of("incidentId", delivery.get("incident_id"),
                                            "responder", delivery.get("responder_id")))));
                    case "webhook" -> post(paging.webhookUrl(), Map.of("deliveryId", delivery.get("delivery_id"),
                            "pageId", delivery.get("page_id"), "action", delivery.get("action"),
                            "incidentId", delivery.get("incident_id"), "reference", delivery.get("reference"),
                            "level", delivery.get("level"), "responder", Map.of("id", delivery.get("responder_id"),
                                    "name", delivery.get("responder_name")), "drill", marks.drill(),
                            "security", marks.security()));
                    default -> throw new IllegalStateException("Unknown channel " + delivery.get("channel"));
                };
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException("HTTP " + response.statusCode());
                }
                jdbc.update("UPDATE page_delivery SET state = 'SENT', sent_at = ?, attempts = attempts + 1, error = NULL"
                        + " WHERE delivery_id = ?", Timestamp.from(now), delivery.get("delivery_id"));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                int attempts = ((Number) delivery.get("attempts")).intValue() + 1;
                jdbc.update("UPDATE page_delivery SET attempts = ?, error = ?, next_attempt_at = ? WHERE delivery_id = ?",
                        attempts, e.toString(), Timestamp.from(now.plusSeconds(Math.min(300, 1L << Math.min(attempts, 8)))),
                        delivery.get("delivery_id"));
                log.warn("page.delivery_failed delivery={} attempt={} error={}", delivery.get("delivery_id"), attempts,
                        e.toString());
            }
        }
    }

    private HttpRequest post(String url, Map<String, Object> body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
    }
}
