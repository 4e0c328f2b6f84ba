package io.firebreak.support.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import reactor.core.publisher.Mono;

/**
 * Verifies a bearer credential: a configured API token first (a digest comparison, no I/O), else a JWT from the
 * organisation's identity provider when OIDC is configured. Anything else is an invalid token.
 */
public final class CallerAuthenticationManager implements ReactiveAuthenticationManager {

    private final ApiTokens tokens;
    private final JwtReactiveAuthenticationManager jwt;

    public CallerAuthenticationManager(ApiTokens tokens, ReactiveJwtDecoder decoder, JwtCallers callers) {
        this.tokens = tokens;
        if (decoder == null) {
            this.jwt = null;
        } else {
            this.jwt = new JwtReactiveAuthenticationManager(decoder);
            this.jwt.setJwtAuthenticationConverter(
                    token -> Mono.<AbstractAuthenticationToken>just(new CallerAuthentication(callers.from(token))));
        }
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return Mono.empty();
        }
        var caller = tokens.authenticate(bearer.getToken());
        if (caller.isPresent()) {
            return Mono.just(new CallerAuthentication(caller.get()));
        }
        if (jwt != null && bearer.getToken().chars().filter(c -> c == '.').count() == 2) {
            return jwt.authenticate(bearer);
        }
        return Mono.error(new InvalidBearerTokenException("Unknown or invalid bearer token"));
    }
}
