package io.firebreak.support.config;

import io.firebreak.support.security.CallerKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings every service shares, under {@code firebreak.*}: credentials, OIDC, CORS, the Kafka consumer
 * pipeline, the outbox relay and blocking work. Each service keeps its own record for what only it has.
 */
@ConfigurationProperties("firebreak")
public record SupportProperties(
        List<ApiToken> tokens,
        @DefaultValue Security security,
        @DefaultValue Consumer consumer,
        @DefaultValue Outbox outbox,
        @DefaultValue Input input,
        @DefaultValue("16") int blockingThreads) {

    public SupportProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    /**
     * One API token: the secret, what it may do, and the person or integration it acts as. Events it causes are
     * attributed to {@code actorId}/{@code displayName}, so give each person their own token.
     */
    public record ApiToken(String name, String token, List<String> scopes, String actorId, String displayName,
            @DefaultValue("HUMAN") CallerKind kind) {

        public ApiToken {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }

        public String effectiveActorId() {
            return actorId == null || actorId.isBlank() ? name : actorId;
        }

        public String effectiveDisplayName() {
            return displayName == null || displayName.isBlank() ? effectiveActorId() : displayName;
        }

        @Override
        public String toString() {
            return "ApiToken[" + name + ", scopes=" + scopes + "]";
        }
    }

    /** Who may call, and from which browser origins. */
    public record Security(@DefaultValue Oidc oidc, List<String> corsOrigins) {

        public Security {
            corsOrigins = corsOrigins == null ? List.of()
                    : corsOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    /**
     * Bearer JWTs from the organisation's identity provider. Off while {@code issuerUri} is empty. Scopes come from
     * {@code scopeClaim} (a space-separated string or a list): a value that is a Firebreak scope counts as itself,
     * and {@code scopeMapping} maps other values (groups, roles) to Firebreak scopes.
     */
    public record Oidc(String issuerUri, String audience, @DefaultValue("scope") String scopeClaim,
            Map<String, List<String>> scopeMapping, @DefaultValue("name") String nameClaim) {

        public Oidc {
            scopeMapping = scopeMapping == null ? Map.of() : Map.copyOf(scopeMapping);
        }

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }

    /**
     * The Kafka consumer pipeline: failed records are retried with back-off from {@code retryInitial} up to
     * {@code retryFor}, then go to {@code <topic>.<deadLetterName>.DLT}; {@code topics} are the topics this service
     * consumes, whose dead-letter topics it creates.
     */
    public record Consumer(String deadLetterName, List<String> topics, @DefaultValue("200ms") Duration retryInitial,
            @DefaultValue("5s") Duration retryFor) {

        public Consumer {
            topics = topics == null ? List.of() : List.copyOf(topics);
        }
    }

    /** Times and dates a request body may carry: anything outside is refused before it is stored. */
    public record Input(@DefaultValue("2000-01-01") java.time.LocalDate earliest,
            @DefaultValue("2199-12-31") java.time.LocalDate latest) {
    }

    /** The transactional outbox relay: on in services that publish through an {@code outbox} table. */
    public record Outbox(@DefaultValue("false") boolean enabled, @DefaultValue("300ms") Duration interval,
            @DefaultValue("200") int batchSize) {
    }
}
