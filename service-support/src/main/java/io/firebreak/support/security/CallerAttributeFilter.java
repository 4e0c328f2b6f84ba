package io.firebreak.support.security;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Puts the authenticated {@link Caller} on the exchange, so handlers read it without a reactive context. */
final class CallerAttributeFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .filter(CallerAuthentication.class::isInstance)
                .doOnNext(auth -> exchange.getAttributes().put(Caller.ATTRIBUTE,
                        ((CallerAuthentication) auth).getPrincipal()))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }
}
