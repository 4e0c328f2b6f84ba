package io.firebreak.support.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
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
 * Every error of every service as RFC 9457 problem+json with a type from {@link ProblemType}, a human
 * {@code detail} and, where one is to blame, the offending {@code field}. Runs after a service's own advice, which
 * maps its domain exceptions. Messages never echo submitted values (they may hold secrets).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem e, ServerWebExchange exchange) {
        if (e.type() == ProblemType.SECRET_DETECTED) {
            log.warn("security.secret_rejected path={} field={} kind={}", exchange.getRequest().getPath(), e.field(),
                    e.properties().get("secretKind"));
        }
        return Problems.respond(Problems.detail(e, exchange));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> input(ServerWebInputException e, ServerWebExchange exchange) {
        ApiProblem refused = refusal(e);
        if (refused != null) {
            return problem(refused, exchange);
        }
        Throwable cause = firstInterestingCause(e);
        if (cause instanceof DataBufferLimitException) {
            return tooLarge(exchange);
        }
        String field = null;
        String detail = "The request body is not valid JSON for this endpoint";
        if (cause instanceof UnrecognizedPropertyException unknown) {
            field = unknown.getPropertyName();
            detail = "Unknown field '" + field + "'";
        } else if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            field = path(databind);
            detail = "'" + field + "' has the wrong type or format";
        } else if (cause instanceof JacksonException jackson) {
            detail = jackson.getMessage() != null && jackson.getMessage().startsWith("Duplicate field")
                    ? "A field appears twice in the JSON body" : "Malformed JSON";
        } else if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null
                && !(cause instanceof DecodingException)) {
            field = e.getMethodParameter().getParameterName();
            detail = "'" + field + "' is missing or malformed";
        } else if (e.getReason() != null && e.getReason().contains("body is missing")) {
            detail = "A JSON request body is required";
        }
        return Problems.respond(Problems.detail(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST, detail, field,
                exchange));
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(ServerWebExchange exchange) {
        return Problems.respond(Problems.detail(HttpStatus.PAYLOAD_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE,
                "Request bodies are limited to 64 KiB", null, exchange));
    }

    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    ResponseEntity<ProblemDetail> mediaType(UnsupportedMediaTypeStatusException e, ServerWebExchange exchange) {
        return Problems.respond(Problems.detail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Send JSON with 'Content-Type: application/json'", null, exchange));
    }

    @ExceptionHandler(MethodNotAllowedException.class)
    ResponseEntity<ProblemDetail> method(MethodNotAllowedException e, ServerWebExchange exchange) {
        return Problems.respond(Problems.detail(HttpStatus.METHOD_NOT_ALLOWED, ProblemType.METHOD_NOT_ALLOWED,
                "Method " + e.getHttpMethod() + " is not allowed here", null, exchange));
    }

    @ExceptionHandler(NotAcceptableStatusException.class)
    ResponseEntity<ProblemDetail> notAcceptable(NotAcceptableStatusException e, ServerWebExchange exchange) {
        return Problems.respond(Problems.detail(HttpStatus.NOT_ACCEPTABLE, ProblemType.NOT_ACCEPTABLE,
                "This endpoint cannot answer in the requested media type", null, exchange));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e, ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        ProblemType type = switch (status) {
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case UNAUTHORIZED -> ProblemType.UNAUTHORIZED;
            case FORBIDDEN -> ProblemType.FORBIDDEN;
            case INTERNAL_SERVER_ERROR -> ProblemType.INTERNAL;
            default -> ProblemType.MALFORMED_REQUEST;
        };
        String detail = status == HttpStatus.NOT_FOUND ? "Nothing here"
                : e.getReason() == null ? status.getReasonPhrase() : e.getReason();
        return Problems.respond(Problems.detail(status, type, detail, null, exchange));
    }

    /** The pool exhausted by a burst, the database out of reach, a commit cut off: see {@link InfrastructureFailure}. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> infrastructure(Exception e, ServerWebExchange exchange) {
        return Problems.infrastructure(e, InfrastructureFailure.of(e), exchange, log);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        ApiProblem refused = refusal(e);
        if (refused != null) {
            return problem(refused, exchange);
        }
        InfrastructureFailure meaning = InfrastructureFailure.of(e);
        if (meaning != InfrastructureFailure.UNEXPECTED) {
            return Problems.infrastructure(e, meaning, exchange, log);
        }
        return Problems.internal(e, exchange, log);
    }

    /** An {@link ApiProblem} raised while decoding the body (the input policy), wrapped by Jackson and WebFlux. */
    private static ApiProblem refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiProblem problem) {
                return problem;
            }
        }
        return null;
    }

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
}
