package io.firebreak.support.input;

import io.firebreak.support.problem.ProblemResponses;
import io.firebreak.support.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses declared bodies over 64 KiB before reading them. Bodies without a length are capped by the decoder's
 * in-memory limit, which the problem handler also maps to 413.
 */
public final class RequestSizeLimitFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > InputPolicyConfiguration.MAX_BODY_BYTES) {
            return ProblemResponses.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE,
                    "Request bodies are limited to 64 KiB");
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
