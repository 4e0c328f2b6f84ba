package io.firebreak.notification.web;

import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** RFC 9457 problem details for every error, with the offending field where there is one. */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TYPES = "https://firebreak.dev/problems/";

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem e, ServerWebExchange exchange) {
        String type = switch (e.status()) {
            case NOT_FOUND -> "not-found";
            case BAD_REQUEST -> "malformed-request";
            case CONFLICT -> "rule-violated";
            default -> "invalid-field";
        };
        return respond(e.status(), type, e.getMessage(), e.field(), exchange);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> input(ServerWebInputException e, ServerWebExchange exchange) {
        String field = null;
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                field = unknown.getPropertyName();
                break;
            }
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                field = jackson.getPath().get(jackson.getPath().size() - 1).getPropertyName();
                break;
            }
        }
        if (field == null && e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null) {
            field = e.getMethodParameter().getParameterName();
        }
        return respond(HttpStatus.BAD_REQUEST, "malformed-request", "The request is malformed"
                + (field == null ? "" : ": check '" + field + "'"), field, exchange);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e, ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        return respond(status == null ? HttpStatus.BAD_REQUEST : status, "malformed-request",
                e.getReason() == null ? "Request refused" : e.getReason(), null, exchange);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        String errorId = UUID.randomUUID().toString();
        log.error("request.failed errorId={} path={}", errorId, exchange.getRequest().getPath(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; quote error id " + errorId, null, exchange);
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String type, String detail, String field,
            ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
