package io.firebreak.support.security;

import io.firebreak.support.config.SupportProperties;
import io.firebreak.support.config.SupportProperties.Oidc;
import java.util.List;
import io.firebreak.support.problem.ProblemResponses;
import io.firebreak.support.problem.ProblemType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * One security boundary for every service: bearer credentials (API tokens or OIDC JWTs), the service's
 * {@link AccessPolicy} per route, health probes public, every other actuator endpoint {@code admin}, anything no
 * rule covers refused. Stateless: no session, no cookies, so no CSRF surface.
 */
@AutoConfiguration
@EnableWebFluxSecurity
@Import(MeController.class)
public class SecuritySupportConfiguration {

    /** Liveness and readiness probes (and the health summary) answer without a credential. */
    public static final String[] PROBES = {"/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness"};

    @Bean
    @ConditionalOnMissingBean
    public ApiTokens apiTokens(SupportProperties properties) {
        return new ApiTokens(properties.tokens());
    }

    @Bean
    @ConditionalOnMissingBean(ReactiveJwtDecoder.class)
    public OidcDecoder oidcDecoder(SupportProperties properties) {
        Oidc oidc = properties.security().oidc();
        if (!oidc.enabled()) {
            return new OidcDecoder(null);
        }
        // resolves the issuer's discovery document and keys lazily, on the first JWT, never at start-up
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(oidc.issuerUri()).build();
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(oidc.issuerUri());
        if (oidc.audience() != null && !oidc.audience().isBlank()) {
            validator = new DelegatingOAuth2TokenValidator<>(validator, jwt -> jwt.getAudience() != null
                    && jwt.getAudience().contains(oidc.audience()) ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "wrong audience", null)));
        }
        decoder.setJwtValidator(validator);
        return new OidcDecoder(decoder);
    }

    @Bean
    @ConditionalOnMissingBean
    public AccessPolicy accessPolicy() {
        return AccessPolicy.builder().build();
    }

    /** A bean, so that Boot's default in-memory user (and its logged password) never appears. */
    @Bean
    public CallerAuthenticationManager callerAuthenticationManager(ApiTokens tokens, ObjectProvider<OidcDecoder> oidc,
            ObjectProvider<ReactiveJwtDecoder> customDecoder, SupportProperties properties) {
        ReactiveJwtDecoder decoder = customDecoder.getIfAvailable(() -> oidc.getObject().decoder());
        return new CallerAuthenticationManager(tokens, decoder, new JwtCallers(properties.security().oidc()));
    }

    @Bean
    public SecurityWebFilterChain firebreakSecurity(ServerHttpSecurity http, AccessPolicy policy,
            CallerAuthenticationManager manager, SupportProperties properties) {
        AccessPolicy effective = withActuator(policy);
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(ProblemSecurityResponses.entryPoint())
                        .accessDeniedHandler(ProblemSecurityResponses.accessDenied(effective)))
                .oauth2ResourceServer(resource -> resource
                        .authenticationManagerResolver(exchange -> reactor.core.publisher.Mono.just(manager))
                        .authenticationEntryPoint(ProblemSecurityResponses.entryPoint())
                        .accessDeniedHandler(ProblemSecurityResponses.accessDenied(effective)))
                .addFilterAfter(new CallerAttributeFilter(), SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> {
                    for (AccessPolicy.Rule rule : effective.rules()) {
                        ServerWebExchangeMatcher matcher = exchange -> rule.matches(exchange.getRequest().getMethod(),
                                exchange.getRequest().getPath().pathWithinApplication())
                                ? ServerWebExchangeMatcher.MatchResult.match()
                                : ServerWebExchangeMatcher.MatchResult.notMatch();
                        if (rule.isPublic()) {
                            exchanges.matchers(matcher).permitAll();
                        } else if (rule.anyCaller()) {
                            exchanges.matchers(matcher).authenticated();
                        } else {
                            exchanges.matchers(matcher).hasAnyAuthority(rule.scopes().toArray(String[]::new));
                        }
                    }
                    exchanges.anyExchange().denyAll();
                });
        List<String> origins = properties.security().corsOrigins();
        if (origins.isEmpty()) {
            http.cors(ServerHttpSecurity.CorsSpec::disable);
        } else {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match"));
            cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After"));
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/**", cors);
            http.cors(spec -> spec.configurationSource(source));
        }
        return http.build();
    }

    /**
     * Spring Security's firewall refuses unnormalised or smuggling-prone URLs (encoded slashes and dots, {@code //},
     * {@code ;}, control characters) before any rule runs; its refusal is answered in the shared problem format.
     */
    @Bean
    public static BeanPostProcessor firewallRefusalsAsProblems() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof WebFilterChainProxy proxy) {
                    proxy.setExchangeRejectedHandler((exchange, rejected) -> ProblemResponses.write(exchange,
                            HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST,
                            "The request URL is not in a form Firebreak accepts"));
                }
                return bean;
            }
        };
    }

    /**
     * The service's rules with the probes in front, who-am-I for any valid credential, and the rest of actuator and
     * the shared dead-letter API behind {@code admin}.
     */
    public static AccessPolicy withActuator(AccessPolicy policy) {
        AccessPolicy.Builder builder = AccessPolicy.builder()
                .permit(HttpMethod.GET, PROBES)
                .authenticated(HttpMethod.GET, MeController.PATH)
                .require(Scopes.ADMIN, null, "/actuator", "/actuator/**")
                .require(Scopes.ADMIN, null, "/api/v1/admin/dead-letters", "/api/v1/admin/dead-letters/**");
        AccessPolicy actuator = builder.build();
        java.util.List<AccessPolicy.Rule> all = new java.util.ArrayList<>(actuator.rules());
        all.addAll(policy.rules());
        return AccessPolicy.of(all);
    }

    /** The OIDC decoder when an issuer is configured; empty otherwise (API tokens only). */
    public record OidcDecoder(ReactiveJwtDecoder decoder) {
    }
}
