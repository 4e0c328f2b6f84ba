package io.firebreak.support.problem;

import java.net.URI;
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
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
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
