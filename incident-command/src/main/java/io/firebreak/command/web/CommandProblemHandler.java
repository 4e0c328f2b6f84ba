package io.firebreak.command.web;

import io.firebreak.command.application.IdempotencyKeyReusedException;
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
