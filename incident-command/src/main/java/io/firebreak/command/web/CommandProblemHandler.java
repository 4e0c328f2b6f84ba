package io.firebreak.command.web;

import io.firebreak.command.application.AppliedButUnreadable;
import io.firebreak.command.application.CommandOutcomeUnknown;
import io.firebreak.command.application.CommandsBusy;
import io.firebreak.command.application.Failures;
import io.firebreak.command.application.IdempotencyKeyReusedException;
import org.axonframework.common.AxonException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import io.firebreak.command.domain.IncidentRuleViolation;
import io.firebreak.command.domain.InvalidFieldException;
import io.firebreak.command.domain.SecretRejectedException;
import java.net.URI;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import io.firebreak.command.web.integrations.RateLimitExceeded;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import io.firebreak.support.problem.ProblemType;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * incident-command's own refusals (the aggregate's rules, Axon's not-found and version conflicts, idempotency key
 * reuse) in the shared problem vocabulary; everything else falls through to service-support's handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemHandler.class);

    /** 503 when nothing changed: a burst refused, or the database out of reach. (Not yet in ProblemType.) */
    static final URI UNAVAILABLE = URI.create(ProblemType.BASE + "unavailable");
    /** 503 when a commit was cut off and the change may or may not be stored. (Not yet in ProblemType.) */
    static final URI OUTCOME_UNKNOWN = URI.create(ProblemType.BASE + "outcome-unknown");

    @ExceptionHandler(SecretRejectedException.class)
    ResponseEntity<ProblemDetail> secret(SecretRejectedException e, ServerWebExchange exchange) {
        log.warn("security.secret_rejected path={} field={} kind={}", exchange.getRequest().getPath(), e.field(),
                e.kind().code());
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.SECRET_DETECTED.uri(),
                e.getMessage(), e.field(), exchange);
        problem.setProperty("secretKind", e.kind().code());
        return respond(problem);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidFieldException e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.INVALID_FIELD.uri(), e.getMessage(),
                e.field(), exchange));
    }

    @ExceptionHandler(IncidentRuleViolation.class)
    ResponseEntity<ProblemDetail> rule(IncidentRuleViolation e, ServerWebExchange exchange) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemType.RULE_VIOLATED.uri(), e.getMessage(), e.field(),
                exchange);
        problem.setProperty("rule", e.rule());
        return respond(problem);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.IDEMPOTENCY_KEY_REUSED.uri(), e.getMessage(),
                "Idempotency-Key", exchange));
    }

    @ExceptionHandler(RateLimitExceeded.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitExceeded e, ServerWebExchange exchange) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, ProblemType.RATE_LIMITED.uri(), e.getMessage(),
                null, exchange);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds())).body(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND.uri(), "No such incident", null, exchange));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> versionConflict(ConflictingAggregateVersionException e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.PRECONDITION_FAILED, ProblemType.VERSION_MISMATCH.uri(),
                "The incident changed since version " + e.getExpectedVersion() + "; re-read it and try again",
                "If-Match", exchange));
    }

    /** A burst on one incident: refused before anything was touched. */
    @ExceptionHandler(CommandsBusy.class)
    ResponseEntity<ProblemDetail> busy(CommandsBusy e, ServerWebExchange exchange) {
        return unavailable(e.getMessage(), e.retryAfter().toSeconds(), false, exchange);
    }

    @ExceptionHandler(CommandOutcomeUnknown.class)
    ResponseEntity<ProblemDetail> outcomeUnknown(CommandOutcomeUnknown e, ServerWebExchange exchange) {
        log.warn("command.outcome_unknown path={} error={}", exchange.getRequest().getPath(), rootCause(e).toString());
        return unavailable(e.getMessage(), 1, null, exchange);
    }

    /** Stored, then reading it back failed: say what is known, with where to look. */
    @ExceptionHandler(AppliedButUnreadable.class)
    ResponseEntity<CommandAccepted> appliedButUnreadable(AppliedButUnreadable e, ServerWebExchange exchange) {
        log.warn("command.applied_but_unreadable path={} incident={} error={}", exchange.getRequest().getPath(),
                e.incidentId(), rootCause(e).toString());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/incidents/" + e.incidentId()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(new CommandAccepted(e.incidentId(), true, e.getMessage()));
    }

    /** The body of a 202: the change is stored, its new state could not be read for this answer. */
    public record CommandAccepted(String incidentId, boolean changed, String detail) {
    }

    /**
     * The database (or Axon's lock) could not be had: a transaction that never began or was rolled back changed
     * nothing, so 503 says so and invites a retry; a commit cut off half-way is "unknown", never "nothing changed";
     * anything else is our fault, with an error id and no claim about what changed.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, AxonException.class})
    ResponseEntity<ProblemDetail> infrastructure(Exception e, ServerWebExchange exchange) {
        switch (Failures.of(e)) {
            case OUTCOME_UNKNOWN -> {
                log.warn("request.outcome_unknown path={} error={}", exchange.getRequest().getPath(),
                        rootCause(e).toString());
                return unavailable("The change may or may not have been stored (the database failed while"
                        + " committing). Check the incident, or retry with If-Match or the same Idempotency-Key,"
                        + " which is safe.", 1, null, exchange);
            }
            case NOTHING_CHANGED_RETRY -> {
                log.warn("request.unavailable path={} error={}", exchange.getRequest().getPath(),
                        rootCause(e).toString());
                return unavailable("Firebreak is overloaded or its database is unreachable; nothing was changed."
                        + " Retry in a moment.", 1, false, exchange);
            }
            default -> {
                String errorId = UUID.randomUUID().toString();
                log.error("request.failed errorId={} path={} error={}", errorId, exchange.getRequest().getPath(),
                        e.getClass().getName(), e);
                ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL.uri(),
                        "Something went wrong on our side. Quote error id " + errorId, null, exchange);
                problem.setProperty("errorId", errorId);
                return respond(problem);
            }
        }
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail, long retryAfterSeconds, Boolean changed,
            ServerWebExchange exchange) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE,
                changed == null ? OUTCOME_UNKNOWN : UNAVAILABLE, detail, null, exchange);
        problem.setProperty("changed", changed == null ? "unknown" : changed);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)).body(problem);
    }

    private static Throwable rootCause(Throwable e) {
        return Failures.rootCause(e);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String detail, String field,
            ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
