package io.firebreak.command.web;

import io.firebreak.command.api.Actor;
import java.util.Set;
import org.springframework.web.server.ServerWebExchange;

/** The authenticated client of a request: who it acts as and what it may do. */
public record Caller(Actor actor, Set<String> scopes) {

    static final String ATTRIBUTE = Caller.class.getName();

    public static Caller of(ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("No authenticated caller on " + exchange.getRequest().getPath());
        }
        return caller;
    }
}
