package io.firebreak.support.problem;

import io.firebreak.schemas.sensitive.PersonalData;
import io.firebreak.schemas.sensitive.SecretDetector;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
