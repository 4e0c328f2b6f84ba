package io.firebreak.support.security;

import java.util.Set;
import org.springframework.web.server.ServerWebExchange;

/**
 * The authenticated client of a request: the person (or integration) behind the credential and what it may do.
 * Whatever the request changes is attributed to {@link #id()} and {@link #displayName()}.
 */
public record Caller(String id, String displayName, CallerKind kind, Set<String> scopes) {

    static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    /** The caller of an authenticated request; every route but the public ones has one. */
    public static Caller of(ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("No authenticated caller on " + exchange.getRequest().getPath());
        }
        return caller;
    }
}
