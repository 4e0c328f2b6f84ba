package io.firebreak.command.web;

import io.firebreak.command.application.AppliedButUnreadable;
import io.firebreak.command.application.CommandOutcomeUnknown;
import io.firebreak.command.application.CommandsBusy;
import io.firebreak.command.application.IdempotencyKeyReusedException;
import org.axonframework.common.AxonException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import io.firebreak.command.domain.IncidentRuleViolation;
import io.firebreak.command.domain.InvalidFieldException;
import io.firebreak.command.domain.SecretRejectedException;
import java.net.URI;
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
import io.firebreak.support.problem.InfrastructureFailure;
import io.firebreak.support.problem.ProblemType;
import io.firebreak.support.problem.Problems;
import org.axonframework.common.AxonTransientException;
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

    @ExceptionHandler(SecretRejectedException.class)
    ResponseEntity<ProblemDetail> secret(SecretRejectedException e, ServerWebExchange exchange) {
        log.warn("security.secret_rejected path={} field={} kind={}", exchange.getRequest().getPath(), e.field(),
                e.kind().code());
        ProblemDetail problem = Problems.detail(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.SECRET_DETECTED,
                e.getMessage(), e.field(), exchange);
        problem.setProperty("secretKind", e.kind().code());
        return Problems.respond(problem);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidFieldException e, ServerWebExchange exchange) {
        return Problems.respond(Problems.detail(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.INVALID_FIELD, e.getMessage(),
                e.field(), exchange));
    }

    @ExceptionHandler(IncidentRuleViolation.class)
    ResponseEntity<ProblemDetail> rule(IncidentRuleViolation e, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.detail(HttpStatus.CONFLICT, ProblemType.RULE_VIOLATED, e.getMessage(), e.field(),
                exchange);
        problem.setProperty("rule", e.rule());
        return Problems.respond(problem);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e, ServerWebExchange exchange) {
        return Problems.respond(Problems.detail(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.IDEMPOTENCY_KEY_REUSED, e.getMessage(),
                "Idempotency-Key", exchange));
    }

    @ExceptionHandler(RateLimitExceeded.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitExceeded e, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.detail(HttpStatus.TOO_MANY_REQUESTS, ProblemType.RATE_LIMITED, e.getMessage(),
                null, exchange);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds())).body(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e, ServerWebExchange exchange) {
        return Problems.respond(Problems.detail(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, "No such incident", null, exchange));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> versionConflict(ConflictingAggregateVersionException e, ServerWebExchange exchange) {
        return Problems.respond(Problems.detail(HttpStatus.PRECONDITION_FAILED, ProblemType.VERSION_MISMATCH,
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
     * The database (or Axon's lock) could not be had: classified as in every service (service-support's
     * InfrastructureFailure), with Axon's transient failures (a lock not acquired) as "rolled back, retry".
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, AxonException.class})
    ResponseEntity<ProblemDetail> infrastructure(Exception e, ServerWebExchange exchange) {
        return Problems.infrastructure(e, InfrastructureFailure.of(e, AxonTransientException.class), exchange, log);
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail, long retryAfterSeconds, Boolean changed,
            ServerWebExchange exchange) {
        return Problems.unavailable(detail, retryAfterSeconds, changed, exchange);
    }

    private static Throwable rootCause(Throwable e) {
        return InfrastructureFailure.rootCause(e);
    }

}
