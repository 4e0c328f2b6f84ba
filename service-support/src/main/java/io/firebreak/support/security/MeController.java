package io.firebreak.support.security;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who the credential of a request belongs to, on every service: the console shows the person and hides the controls
 * their scopes do not grant (the APIs refuse them anyway). Any valid credential may ask; nothing is looked up.
 */
@RestController
public class MeController {

    public static final String PATH = "/api/v1/me";

    @GetMapping(PATH)
    public Me me(ServerWebExchange exchange) {
        Caller caller = Caller.of(exchange);
        return new Me(caller.id(), caller.displayName(), caller.kind(), caller.scopes().stream().sorted().toList());
    }

    /** The caller as the credential names it; {@code scopes} sorted, so the answer is stable. */
    public record Me(String actorId, String displayName, CallerKind kind, List<String> scopes) {
    }
}
