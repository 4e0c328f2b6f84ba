package io.firebreak.notification.engine;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.engine.Acknowledgements.Acknowledger;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a verified PagerDuty webhook v3 event does to Firebreak's paging. Firebreak triggers PagerDuty with
 * {@code dedup_key} = page id (delivery/PageDeliveryWorker), so a PagerDuty incident's {@code incident_key} names our
 * page: {@code incident.acknowledged} acknowledges that page (and so stops the chain) as an integration actor,
 * {@code incident.resolved} stops every page of its incident. Other event types are ignored. An event is handled
 * once (its id is recorded in the same transaction) and only while fresh. Nothing here pages anyone. Blocking.
 */
@Component
public class PagerDutyWebhookEvents {

    private static final Logger log = LoggerFactory.getLogger(PagerDutyWebhookEvents.class);
    static final String ACKNOWLEDGED = "incident.acknowledged";
    static final String RESOLVED = "incident.resolved";

    private final Escalations escalations;
    private final Acknowledgements acknowledgements;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration maxAge;

    public PagerDutyWebhookEvents(Escalations escalations, Acknowledgements acknowledgements, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager, Clock clock, NotificationProperties properties) {
        this.escalations = escalations;
        this.acknowledgements = acknowledgements;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.maxAge = properties.pagerdutyWebhooks().maxAge();
    }

    /** One event of a delivery, as the web layer read it; {@code agentId}/{@code agentName} may be null. */
    public record WebhookEvent(String id, String type, Instant occurredAt, String incidentKey, String agentId,
            String agentName) {
    }

    /** What became of an event. */
    public enum Outcome {
        /** A Firebreak page was acknowledged (or already was: nothing changed). */
        ACKNOWLEDGED,
        /** Paging for the page's incident stopped. */
        STOPPED,
        /** Not an event Firebreak acts on, or about a PagerDuty incident Firebreak did not trigger. */
        IGNORED,
        /** This event id was handled before. */
        REPLAYED,
        /** Older than the accepted window (or from too far in the future). */
        STALE
    }

    public Outcome handle(WebhookEvent event) {
        Instant now = clock.instant();
        if (event.occurredAt().isBefore(now.minus(maxAge)) || event.occurredAt().isAfter(now.plus(maxAge))) {
            log.info("pagerduty_webhook.refused event={} type={} reason=stale", event.id(), event.type());
            return Outcome.STALE;
        }
        Outcome outcome = transaction.execute(status -> {
            int recorded = jdbc.update("INSERT INTO pagerduty_webhook_event (event_id, event_type, occurred_at,"
                    + " received_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", event.id(), event.type(),
                    Timestamp.from(event.occurredAt()), Timestamp.from(now));
            if (recorded == 0) {
                return Outcome.REPLAYED;
            }
            return apply(event, now);
        });
        log.info("pagerduty_webhook.handled event={} type={} outcome={}", event.id(), event.type(), outcome);
        return outcome;
    }

    private Outcome apply(WebhookEvent event, Instant now) {
        if (event.incidentKey() == null || event.incidentKey().isBlank()) {
            return Outcome.IGNORED;
        }
        Optional<String> incident = escalations.incidentOf(event.incidentKey());
        if (incident.isEmpty()) {
            return Outcome.IGNORED;
        }
        if (ACKNOWLEDGED.equals(event.type())) {
            // joins this transaction: the event id and the acknowledgement commit together
            acknowledgements.page(event.incidentKey(), acknowledger(event));
            return Outcome.ACKNOWLEDGED;
        }
        if (RESOLVED.equals(event.type())) {
            escalations.stop(incident.get(), event.incidentKey(), now);
            return Outcome.STOPPED;
        }
        return Outcome.IGNORED;
    }

    /** PagerDuty as an integration, with the PagerDuty user who acknowledged when the event names one. */
    private static Acknowledger acknowledger(WebhookEvent event) {
        boolean named = event.agentName() != null && !event.agentName().isBlank();
        String id = event.agentId() == null || event.agentId().isBlank() ? "pagerduty" : "pagerduty:" + event.agentId();
        return new Acknowledger(id, named ? "PagerDuty (" + event.agentName() + ")" : "PagerDuty",
                ActorKind.INTEGRATION);
    }
}
