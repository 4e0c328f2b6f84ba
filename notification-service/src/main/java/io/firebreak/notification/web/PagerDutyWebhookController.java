package io.firebreak.notification.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.firebreak.notification.engine.PagerDutyWebhookEvents;
import io.firebreak.notification.engine.PagerDutyWebhookEvents.Outcome;
import io.firebreak.notification.engine.PagerDutyWebhookEvents.WebhookEvent;
import io.firebreak.notification.pagerduty.WebhookSignatures;
import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.problem.ProblemType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * PagerDuty webhooks v3: acknowledging or resolving in PagerDuty stops Firebreak's chain. Public in AccessRules (PagerDuty
 * sends no bearer token); the credential is {@code X-PagerDuty-Signature} over the raw body. A body that is not a v3
 * delivery at all is a 400 before the signature is looked at (nothing is acted on unsigned, and the route walk of
 * RouteSecurityContract holds public routes to answer an empty body with neither 401 nor 403); a missing or wrong
 * signature is a 401; a stale event a 400; a replayed one a 409. Handled events answer 200, others 202.
 */
@RestController
public class PagerDutyWebhookController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PagerDutyWebhookController.class);
    public static final String PATH = "/api/v1/integrations/pagerduty/webhooks";
    private static final int MAX_NAME = 200;

    private final PagerDutyWebhookEvents events;
    private final WebhookSignatures signatures;
    private final ObjectReader reader;
    private final Scheduler blocking;

    public PagerDutyWebhookController(PagerDutyWebhookEvents events, WebhookSignatures signatures, JsonMapper jsonMapper,
            Scheduler blockingScheduler) {
        this.events = events;
        this.signatures = signatures;
        // PagerDuty's payload is theirs and grows: unknown fields are expected
        this.reader = jsonMapper.readerFor(Delivery.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.blocking = blockingScheduler;
    }

    /** The documented v3 envelope: one event per delivery. */
    public record Delivery(Event event) {
    }

    public record Event(String id, @JsonProperty("event_type") String eventType,
            @JsonProperty("resource_type") String resourceType, @JsonProperty("occurred_at") String occurredAt,
            Reference agent, Incident data) {
    }

    /** A PagerDuty reference (user, service, integration). */
    public record Reference(String id, String type, String summary) {
    }

    /** {@code event.data} when it is an incident: its {@code incident_key} is the dedup key Firebreak sent. */
    public record Incident(String id, String type, String status, @JsonProperty("incident_key") String incidentKey) {
    }

    /** What Firebreak did with the event. */
    public record WebhookAnswer(String eventId, String outcome) {
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<WebhookAnswer>> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-PagerDuty-Signature", required = false) String signature) {
        Event event = read(body);
        if (!signatures.verify(body, signature)) {
            // neither the header nor the body is logged: the event id only
            log.warn("pagerduty_webhook.refused event={} reason=signature configured={}", event.id(),
                    signatures.configured());
            return Mono.error(new ApiProblem(HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHORIZED, "X-PagerDuty-Signature",
                    "The X-PagerDuty-Signature header is missing or no v1 signature in it matches this body"));
        }
        WebhookEvent webhookEvent = new WebhookEvent(event.id(), event.eventType(), occurredAt(event),
                event.data() == null ? null : event.data().incidentKey(),
                event.agent() == null ? null : clean(event.agent().id()),
                event.agent() == null ? null : clean(event.agent().summary()));
        return Mono.fromCallable(() -> answer(event.id(), events.handle(webhookEvent))).subscribeOn(blocking);
    }

    private static ResponseEntity<WebhookAnswer> answer(String eventId, Outcome outcome) {
        return switch (outcome) {
            case ACKNOWLEDGED, STOPPED -> ResponseEntity.ok(new WebhookAnswer(eventId, outcome.name().toLowerCase(java.util.Locale.ROOT)));
            case IGNORED -> ResponseEntity.accepted().body(new WebhookAnswer(eventId, "ignored"));
            case REPLAYED -> throw ApiProblem.conflict("event.id", "This event was delivered before; it is handled once");
            case STALE -> throw ApiProblem.badRequest("event.occurred_at",
                    "The event is outside the accepted age window; a delayed or replayed delivery is not acted on");
        };
    }

    private Event read(byte[] body) {
        Delivery delivery;
        try {
            delivery = body == null || body.length == 0 ? null : reader.readValue(body);
        } catch (JacksonException e) {
            throw ApiProblem.badRequest(null, "The body is not a PagerDuty webhook v3 delivery (not JSON)");
        }
        if (delivery == null || delivery.event() == null) {
            throw ApiProblem.badRequest("event", "A PagerDuty webhook v3 delivery has an 'event'");
        }
        Event event = delivery.event();
        if (event.id() == null || event.id().isBlank() || event.id().length() > 64) {
            throw ApiProblem.badRequest("event.id", "'event.id' is required (at most 64 characters)");
        }
        if (event.eventType() == null || event.eventType().isBlank() || event.eventType().length() > 64) {
            throw ApiProblem.badRequest("event.event_type", "'event.event_type' is required (at most 64 characters)");
        }
        occurredAt(event);
        return event;
    }

    private static Instant occurredAt(Event event) {
        try {
            return OffsetDateTime.parse(event.occurredAt()).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiProblem.badRequest("event.occurred_at", "'event.occurred_at' must be an ISO 8601 date-time");
        }
    }

    /** PagerDuty's text goes into events and Slack: no control characters, bounded. */
    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text.replaceAll("\\p{Cntrl}", " ").strip();
        return cleaned.length() > MAX_NAME ? cleaned.substring(0, MAX_NAME) : cleaned;
    }
}
