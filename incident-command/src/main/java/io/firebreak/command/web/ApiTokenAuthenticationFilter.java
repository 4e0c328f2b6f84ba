package io.firebreak.command.web;

import io.firebreak.command.api.Actor;
import io.firebreak.command.application.Sha256;
import io.firebreak.command.config.FirebreakProperties;
import io.firebreak.command.config.FirebreakProperties.ApiToken;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Bearer-token authentication for {@code /api/**}. Tokens come from configuration, each with scopes; reads
 * need {@code incidents:read}, writes {@code incidents:write}, monitoring ingest {@code integrations:ingest}.
 * Tokens are compared by digest in constant time, and never logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiTokenAuthenticationFilter implements WebFilter {

    private static final String PREFIX = "Bearer ";

    private final List<KnownToken> tokens = new ArrayList<>();

    public ApiTokenAuthenticationFilter(FirebreakProperties properties) {
        for (ApiToken token : properties.getTokens()) {
            if (token.getToken() == null || token.getToken().isBlank()) {
                continue;
            }
            tokens.add(new KnownToken(Sha256.bytes(token.getToken()),
                    new Caller(new Actor(token.getActorId(), token.getDisplayName(), token.getKind()),
                            Set.copyOf(token.getScopes()))));
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/") || path.equals(PagerDutyController.PATH)) {
            // PagerDuty senders present their routing key in the body instead

            return chain.filter(exchange);
        }
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        Caller caller = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? find(header.substring(PREFIX.length()).trim()) : null;
        if (caller == null) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"firebreak\"");
            return FilterProblems.write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
                    "A valid bearer token is required (Authorization: Bearer <token>)");
        }
        String scope = requiredScope(path, exchange.getRequest().getMethod());
        if (!caller.scopes().contains(scope)) {
            return FilterProblems.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                    "This token lacks the scope '" + scope + "'");
        }
        exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
        return chain.filter(exchange);
    }

    static String requiredScope(String path, HttpMethod method) {
        if (path.startsWith("/api/v1/integrations/")) {
            return Scopes.INTEGRATIONS_INGEST;
        }
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                ? Scopes.INCIDENTS_READ : Scopes.INCIDENTS_WRITE;
    }

    private Caller find(String presented) {
        byte[] candidate = Sha256.bytes(presented);
        Caller match = null;
        // every token is compared, so timing reveals neither which one matched nor how much of it
        for (KnownToken known : tokens) {
            if (MessageDigest.isEqual(known.digest(), candidate)) {
                match = known.caller();
            }
        }
        return match;
    }


    private record KnownToken(byte[] digest, Caller caller) {
    }
}
