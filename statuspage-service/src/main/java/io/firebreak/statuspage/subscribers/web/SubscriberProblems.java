package io.firebreak.statuspage.subscribers.web;

import io.firebreak.support.problem.ProblemType;
import io.firebreak.support.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** The subscribers' own refusal; everything else is service-support's ProblemHandler's. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SubscriberProblems {

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequests e, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.detail(HttpStatus.TOO_MANY_REQUESTS, ProblemType.RATE_LIMITED, e.getMessage(),
                null, exchange);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds())).body(problem);
    }
}
