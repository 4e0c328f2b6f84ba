package io.firebreak.support.security;

import io.firebreak.support.config.SupportProperties.ApiToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API tokens, kept only as SHA-256 digests and compared in constant time against every one, so
 * neither memory dumps nor timing reveal a token.
 */
public final class ApiTokens {

    private final List<Known> known;

    public ApiTokens(List<ApiToken> tokens) {
        this.known = tokens.stream()
                .filter(t -> t.token() != null && !t.token().isBlank())
                .map(t -> new Known(digest(t.token()), new Caller(t.effectiveActorId(), t.effectiveDisplayName(),
                        t.kind(), knownScopes(t))))
                .toList();
    }

    public Optional<Caller> authenticate(String presented) {
        byte[] candidate = digest(presented);
        Caller match = null;
        for (Known token : known) {
            if (MessageDigest.isEqual(token.digest(), candidate)) {
                match = token.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    public boolean isEmpty() {
        return known.isEmpty();
    }

    private static Set<String> knownScopes(ApiToken token) {
        Set<String> scopes = new HashSet<>(token.scopes());
        scopes.retainAll(Scopes.ALL);
        if (scopes.size() != token.scopes().size()) {
            throw new IllegalArgumentException("Token '" + token.name() + "' names a scope Firebreak does not know: "
                    + token.scopes() + "; known: " + Scopes.ALL);
        }
        return scopes;
    }

    static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Known(byte[] digest, Caller caller) {
    }
}
