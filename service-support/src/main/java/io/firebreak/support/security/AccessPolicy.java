package io.firebreak.support.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which scope each route of a service needs, or that it is public: the first rule that matches a request decides,
 * and a request no rule matches is refused. Paths match the way the router matches them (decoded segments, same
 * pattern parser), so no spelling of a path reaches a handler the rules did not cover.
 */
public final class AccessPolicy {

    private final List<Rule> rules;

    private AccessPolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** A policy of these rules, in this order. */
    public static AccessPolicy of(List<Rule> rules) {
        return new AccessPolicy(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rule for a request, if any covers it. */
    public Optional<Rule> ruleFor(HttpMethod method, String rawPath) {
        return ruleFor(method, PathContainer.parsePath(rawPath));
    }

    public Optional<Rule> ruleFor(HttpMethod method, PathContainer path) {
        return rules.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }

    /**
     * One rule: a method (any when null), a path pattern, and the scope it needs ({@code null}: public), or any one of
     * {@code scope} and {@code alsoAccepted} (e.g. a comms owner's {@code statuspage:write} beside
     * {@code incidents:write}); or, with {@code anyCaller}, no scope at all but a valid credential (who am I).
     */
    public record Rule(HttpMethod method, PathPattern pattern, String scope, List<String> alsoAccepted,
            boolean anyCaller) {

        public Rule {
            alsoAccepted = alsoAccepted == null ? List.of() : List.copyOf(alsoAccepted);
            if (anyCaller && scope != null) {
                throw new IllegalArgumentException("A rule for any caller names no scope");
            }
        }

        public Rule(HttpMethod method, PathPattern pattern, String scope, List<String> alsoAccepted) {
            this(method, pattern, scope, alsoAccepted, false);
        }

        public Rule(HttpMethod method, PathPattern pattern, String scope) {
            this(method, pattern, scope, List.of());
        }

        public boolean isPublic() {
            return scope == null && !anyCaller;
        }

        /** Every scope that grants this rule, {@link #scope} first; empty when public. */
        public List<String> scopes() {
            if (scope == null) {
                return List.of();
            }
            List<String> scopes = new ArrayList<>(List.of(scope));
            scopes.addAll(alsoAccepted);
            return List.copyOf(scopes);
        }

        public boolean matches(HttpMethod requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && pattern.matches(path);
        }
    }

    public static final class Builder {

        private final List<Rule> rules = new ArrayList<>();

        /** Public for any method: the status page, its feeds and documents. */
        public Builder permit(String... patterns) {
            return add(null, null, patterns);
        }

        public Builder permit(HttpMethod method, String... patterns) {
            return add(method, null, patterns);
        }

        /** Any valid credential, whatever its scopes: what a caller may learn about itself. */
        public Builder authenticated(HttpMethod method, String... patterns) {
            for (String pattern : patterns) {
                rules.add(new Rule(method, PathPatternParser.defaultInstance.parse(pattern), null, List.of(), true));
            }
            return this;
        }

        public Builder require(String scope, HttpMethod method, String... patterns) {
            if (!Scopes.ALL.contains(scope)) {
                throw new IllegalArgumentException("Unknown scope " + scope);
            }
            return add(method, scope, patterns);
        }

        /** Any one of {@code scopes} grants these routes; the first is the rule's {@link Rule#scope}. */
        public Builder requireAny(List<String> scopes, HttpMethod method, String... patterns) {
            if (scopes.isEmpty() || !Scopes.ALL.containsAll(scopes)) {
                throw new IllegalArgumentException("Unknown scope in " + scopes);
            }
            for (String pattern : patterns) {
                rules.add(new Rule(method, PathPatternParser.defaultInstance.parse(pattern), scopes.get(0),
                        scopes.subList(1, scopes.size())));
            }
            return this;
        }

        public AccessPolicy build() {
            return new AccessPolicy(rules);
        }

        private Builder add(HttpMethod method, String scope, String... patterns) {
            for (String pattern : patterns) {
                rules.add(new Rule(method, PathPatternParser.defaultInstance.parse(pattern), scope));
            }
            return this;
        }
    }
}
