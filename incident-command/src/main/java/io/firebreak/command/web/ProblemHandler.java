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
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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
 * Every error as RFC 9457 problem+json with a stable {@code type}, a human {@code detail} and, where one is
 * to blame, the offending {@code field}. Messages never echo submitted values (they may hold secrets).
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(SecretRejectedException.class)
    ResponseEntity<ProblemDetail> secret(SecretRejectedException e, ServerWebExchange exchange) {
        log.warn("security.secret_rejected path={} field={} kind={}", exchange.getRequest().getPath(), e.field(),
                e.kind().code());
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.SECRET_DETECTED,
                e.getMessage(), e.field(), exchange);
        problem.setProperty("secretKind", e.kind().code());
        return respond(problem);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidFieldException e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.INVALID_FIELD, e.getMessage(),
                e.field(), exchange));
    }

    @ExceptionHandler(IncidentRuleViolation.class)
    ResponseEntity<ProblemDetail> rule(IncidentRuleViolation e, ServerWebExchange exchange) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemTypes.RULE_VIOLATED, e.getMessage(), e.field(),
                exchange);
        problem.setProperty("rule", e.rule());
        return respond(problem);
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequestException e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, e.getMessage(), e.field(),
                exchange));
    }

    @ExceptionHandler(RequestProblemException.class)
    ResponseEntity<ProblemDetail> requestProblem(RequestProblemException e, ServerWebExchange exchange) {
        return respond(problem(e.status(), e.type(), e.getMessage(), e.field(), exchange));
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.IDEMPOTENCY_KEY_REUSED, e.getMessage(),
                "Idempotency-Key", exchange));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No such incident", null, exchange));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> versionConflict(ConflictingAggregateVersionException e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.PRECONDITION_FAILED, ProblemTypes.VERSION_MISMATCH,
                "The incident changed since version " + e.getExpectedVersion() + "; re-read it and try again",
                "If-Match", exchange));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> input(ServerWebInputException e, ServerWebExchange exchange) {
        Throwable cause = firstInterestingCause(e);
        if (cause instanceof DataBufferLimitException) {
            return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                    "Request bodies are limited to 64 KiB", null, exchange));
        }
        String field = null;
        String detail = "The request body is not valid JSON for this endpoint";
        if (cause instanceof UnrecognizedPropertyException unknown) {
            field = unknown.getPropertyName();
            detail = "Unknown field '" + field + "'";
        } else if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            field = path(databind);
            detail = "'" + field + "' has the wrong type or format";
        } else if (cause instanceof JacksonException) {
            detail = "Malformed JSON";
        } else if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null
                && !(cause instanceof DecodingException)) {
            field = e.getMethodParameter().getParameterName();
            detail = "'" + field + "' is missing or malformed";
        } else if (e.getReason() != null && e.getReason().contains("body is missing")) {
            detail = "A JSON request body is required";
        }
        return respond(problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, detail, field, exchange));
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                "Request bodies are limited to 64 KiB", null, exchange));
    }

    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    ResponseEntity<ProblemDetail> mediaType(UnsupportedMediaTypeStatusException e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                "Send JSON with 'Content-Type: application/json'", null, exchange));
    }

    @ExceptionHandler(MethodNotAllowedException.class)
    ResponseEntity<ProblemDetail> method(MethodNotAllowedException e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED,
                "Method " + e.getHttpMethod() + " is not allowed here", null, exchange));
    }

    @ExceptionHandler(NotAcceptableStatusException.class)
    ResponseEntity<ProblemDetail> notAcceptable(NotAcceptableStatusException e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.NOT_ACCEPTABLE, ProblemTypes.MALFORMED_REQUEST,
                "This endpoint answers with application/json", null, exchange));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e, ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        URI type = status == HttpStatus.NOT_FOUND ? ProblemTypes.NOT_FOUND : ProblemTypes.MALFORMED_REQUEST;
        return respond(problem(status, type, e.getReason() == null ? status.getReasonPhrase() : e.getReason(), null,
                exchange));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        String errorId = UUID.randomUUID().toString();
        log.error("request.failed errorId={} path={} error={}", errorId, exchange.getRequest().getPath(),
                e.getClass().getName(), e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL,
                "Something went wrong on our side; nothing was changed. Quote error id " + errorId, null, exchange);
        problem.setProperty("errorId", errorId);
        return respond(problem);
    }

    /** The Jackson or buffer-limit exception behind a decoding failure, rather than its innermost cause. */
    private static Throwable firstInterestingCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException || cause instanceof DataBufferLimitException) {
                return cause;
            }
        }
        return e.getCause() == null ? e : e.getCause();
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
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
