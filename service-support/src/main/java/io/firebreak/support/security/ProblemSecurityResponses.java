package io.firebreak.support.security;

import io.firebreak.support.problem.ProblemResponses;
import io.firebreak.support.problem.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 with {@code WWW-Authenticate} and 403 naming the missing scope, both as problem+json. */
final class ProblemSecurityResponses {

    private ProblemSecurityResponses() {
    }

    static ServerAuthenticationEntryPoint entryPoint() {
        return (exchange, failure) -> unauthorized(exchange, failure);
    }

    static ServerAccessDeniedHandler accessDenied(AccessPolicy policy) {
        return (exchange, denied) -> {
            String detail = policy.ruleFor(exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath().pathWithinApplication().value())
                    .filter(rule -> !rule.isPublic())
                    .map(rule -> "This credential lacks the scope '" + String.join("' or '", rule.scopes()) + "'")
                    .orElse("No access rule covers this request");
            return ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, detail);
        };
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure) {
        boolean presented = failure instanceof InvalidBearerTokenException
                || exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, presented
                ? "Bearer realm=\"firebreak\", error=\"invalid_token\"" : "Bearer realm=\"firebreak\"");
        return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHORIZED, presented
                ? "The bearer token is not valid" : "A valid bearer token is required (Authorization: Bearer <token>)");
    }
}
