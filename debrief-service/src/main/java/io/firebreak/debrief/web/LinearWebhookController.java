package io.firebreak.debrief.web;

import io.firebreak.debrief.linear.LinearSignatures;
import io.firebreak.debrief.linear.LinearWebhooks;
import io.firebreak.debrief.linear.LinearWebhooks.IssueEvent;
import io.firebreak.debrief.linear.LinearWebhooks.Outcome;
import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.problem.ProblemType;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Linear webhooks: an issue completed (or cancelled) in Linear completes (or drops) its follow-up. Public in
 * AccessRules (Linear sends no bearer token); the credential is {@code Linear-Signature} over the raw body. A body
 * that is not a Linear delivery is a 400 before the signature is looked at (nothing is acted on unsigned, and the route
 * walk holds public routes to answer an empty body with neither 401 nor 403); a missing or wrong signature is a 401; a
 * {@code webhookTimestamp} more than the tolerance (a minute) from now a 400; a replayed delivery is answered 200
 * {@code duplicate} and changes nothing (Linear retries a delivery it thinks failed; it must not count as one).
 */
@RestController
public class LinearWebhookController {

    private static final Logger log = LoggerFactory.getLogger(LinearWebhookController.class);
    public static final String PATH = "/api/v1/integrations/linear/webhooks";

    private final LinearWebhooks webhooks;
    private final LinearSignatures signatures;
    private final ObjectReader reader;
    private final Scheduler blocking;

    public LinearWebhookController(LinearWebhooks webhooks, LinearSignatures signatures, JsonMapper jsonMapper,
            Scheduler blockingScheduler) {
        this.webhooks = webhooks;
        this.signatures = signatures;
        // Linear's payload is theirs and grows: unknown fields are expected
        this.reader = jsonMapper.readerFor(Delivery.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.blocking = blockingScheduler;
    }

    /** The documented envelope: what happened to which kind of entity, the entity, and when it was sent. */
    public record Delivery(String action, String type, Data data, Long webhookTimestamp) {
    }

    /** {@code data}: for an Issue, its id, identifier and state. */
    public record Data(String id, String identifier, State state) {
    }

    public record State(String id, String name, String type) {
    }

    /** What Firebreak did with the delivery. */
    public record WebhookAnswer(String outcome) {
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<WebhookAnswer>> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Linear-Signature", required = false) String signature) {
        Delivery delivery = read(body);
        if (!signatures.verify(body, signature)) {
            // neither the header nor the body is logged
            log.warn("linear_webhook.refused reason=signature configured={}", signatures.configured());
            return Mono.error(new ApiProblem(HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHORIZED, "Linear-Signature",
                    "The Linear-Signature header is missing or is not the HMAC of this body"));
        }
        if (!webhooks.fresh(delivery.webhookTimestamp())) {
            log.warn("linear_webhook.refused reason=stale");
            return Mono.error(ApiProblem.badRequest("webhookTimestamp",
                    "'webhookTimestamp' is too far from now; a delayed or replayed delivery is not acted on"));
        }
        IssueEvent event = new IssueEvent(delivery.action(), delivery.type(),
                delivery.data() == null ? null : delivery.data().id(),
                delivery.data() == null || delivery.data().state() == null ? null : delivery.data().state().type());
        return Mono.fromCallable(() -> answer(webhooks.handle(body, event))).subscribeOn(blocking);
    }

    private static ResponseEntity<WebhookAnswer> answer(Outcome outcome) {
        WebhookAnswer answer = new WebhookAnswer(outcome.name().toLowerCase(Locale.ROOT));
        return outcome == Outcome.IGNORED ? ResponseEntity.accepted().body(answer) : ResponseEntity.ok(answer);
    }

    private Delivery read(byte[] body) {
        Delivery delivery;
        try {
            delivery = body == null || body.length == 0 ? null : reader.readValue(body);
        } catch (JacksonException e) {
            throw ApiProblem.badRequest(null, "The body is not a Linear webhook delivery (not JSON of that shape)");
        }
        if (delivery == null) {
            throw ApiProblem.badRequest("type", "A Linear webhook delivery is a JSON object with 'type' and 'action'");
        }
        if (delivery.type() == null || delivery.type().isBlank()) {
            throw ApiProblem.badRequest("type", "'type' is required");
        }
        if (delivery.action() == null || delivery.action().isBlank()) {
            throw ApiProblem.badRequest("action", "'action' is required");
        }
        if (delivery.webhookTimestamp() == null) {
            throw ApiProblem.badRequest("webhookTimestamp", "'webhookTimestamp' (epoch milliseconds) is required");
        }
        return delivery;
    }
}
