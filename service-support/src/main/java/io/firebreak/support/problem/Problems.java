package io.firebreak.support.problem;

import io.firebreak.schemas.sensitive.PersonalData;
import io.firebreak.schemas.sensitive.SecretDetector;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.springframework.http.HttpHeaders;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/** Builds the problem+json body every service answers with. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail detail(HttpStatus status, ProblemType type, String detail, String field,
            ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(status.getReasonPhrase());
        instance(exchange).ifPresent(problem::setInstance);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    /**
     * The request path as the problem's {@code instance}, unless it holds a secret or personal data: a problem never
     * echoes what was submitted.
     */
    public static Optional<URI> instance(ServerWebExchange exchange) {
        String raw = exchange.getRequest().getPath().value();
        try {
            String decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (SecretDetector.first(decoded).isPresent() || PersonalData.contains(decoded)) {
                return Optional.empty();
            }
            return Optional.of(URI.create(raw));
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }

    public static ProblemDetail detail(ApiProblem problem, ServerWebExchange exchange) {
        ProblemDetail detail = detail(problem.status(), problem.type(), problem.getMessage(), problem.field(),
                exchange);
        for (Map.Entry<String, Object> extra : problem.properties().entrySet()) {
            detail.setProperty(extra.getKey(), extra.getValue());
        }
        return detail;
    }

    /**
     * A 503 with {@code Retry-After}: {@code changed} false when nothing was touched ({@link ProblemType#UNAVAILABLE}),
     * null when a commit was cut off and the outcome is unknown ({@link ProblemType#OUTCOME_UNKNOWN}).
     */
    public static ResponseEntity<ProblemDetail> unavailable(String detail, long retryAfterSeconds, Boolean changed,
            ServerWebExchange exchange) {
        ProblemDetail problem = detail(HttpStatus.SERVICE_UNAVAILABLE,
                changed == null ? ProblemType.OUTCOME_UNKNOWN : ProblemType.UNAVAILABLE, detail, null, exchange);
        problem.setProperty("changed", changed == null ? "unknown" : changed);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)).body(problem);
    }

    /**
     * A database or transaction failure, answered by what it means ({@link InfrastructureFailure}): 503 "nothing
     * was changed, retry", 503 "outcome unknown", or a 500 with an error id that makes no claim.
     */
    public static ResponseEntity<ProblemDetail> infrastructure(Throwable e, InfrastructureFailure meaning,
            ServerWebExchange exchange, Logger log) {
        String path = exchange.getRequest().getPath().value();
        switch (meaning) {
            case OUTCOME_UNKNOWN -> {
                log.warn("request.outcome_unknown path={} error={}", path, InfrastructureFailure.rootCause(e).toString());
                return unavailable("The change may or may not have been stored (the database failed while"
                        + " committing). Check, or retry with If-Match or the same Idempotency-Key, which is safe.", 1,
                        null, exchange);
            }
            case NOTHING_CHANGED_RETRY -> {
                log.warn("request.unavailable path={} error={}", path, InfrastructureFailure.rootCause(e).toString());
                return unavailable("Firebreak is overloaded or its database is unreachable; nothing was changed."
                        + " Retry in a moment.", 1, false, exchange);
            }
            default -> {
                return internal(e, exchange, log);
            }
        }
    }

    /** Our fault: logged with an error id the caller can quote; no claim about what changed. */
    public static ResponseEntity<ProblemDetail> internal(Throwable e, ServerWebExchange exchange, Logger log) {
        String errorId = UUID.randomUUID().toString();
        log.error("request.failed errorId={} path={} error={}", errorId, exchange.getRequest().getPath(),
                e.getClass().getName(), e);
        ProblemDetail problem = detail(HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL,
                "Something went wrong on our side. Quote error id " + errorId, null, exchange);
        problem.setProperty("errorId", errorId);
        return respond(problem);
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
