package io.firebreak.support.security;


import io.firebreak.support.config.SupportProperties.Oidc;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified OIDC token into the person behind it: the subject is the id, the configured name claim (then
 * {@code preferred_username}, then the subject) the display name, and the scope claim gives Firebreak scopes.
 */
public final class JwtCallers {

    private final Oidc oidc;

    public JwtCallers(Oidc oidc) {
        this.oidc = oidc;
    }

    public Caller from(Jwt jwt) {
        String name = firstText(jwt, oidc.nameClaim(), "preferred_username", "email");
        CallerKind kind = name == null && jwt.hasClaim("client_id") ? CallerKind.INTEGRATION : CallerKind.HUMAN;
        return new Caller(jwt.getSubject(), name == null ? jwt.getSubject() : name, kind, scopes(jwt));
    }

    Set<String> scopes(Jwt jwt) {
        Set<String> granted = new LinkedHashSet<>();
        for (String value : claimValues(jwt.getClaim(oidc.scopeClaim()))) {
            if (Scopes.ALL.contains(value)) {
                granted.add(value);
            }
            for (String mapped : oidc.scopeMapping().getOrDefault(value, List.of())) {
                if (Scopes.ALL.contains(mapped)) {
                    granted.add(mapped);
                }
            }
        }
        return granted;
    }

    private static List<String> claimValues(Object claim) {
        if (claim instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static String firstText(Jwt jwt, String... claims) {
        for (String claim : claims) {
            Object value = jwt.getClaims().get(claim);
            if (value instanceof String text && !text.isBlank()) {
                return text.strip();
            }
        }
        return null;
    }
}
