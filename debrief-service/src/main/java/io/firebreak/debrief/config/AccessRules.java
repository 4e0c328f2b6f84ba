package io.firebreak.debrief.config;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.firebreak.support.security.AccessPolicy;
import io.firebreak.support.security.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scope every route of debrief-service needs. Reading timelines, metrics, debriefs and follow-ups is
 * {@code incidents:read}; writing a debrief or a follow-up is {@code debriefs:write}; rebuilding the projection is
 * {@code admin}; Linear's webhook is public and signed. A request no rule covers is refused (service-support), so a new route needs a line here.
 */
@Configuration(proxyBeanMethods = false)
public class AccessRules {

    @Bean
    public AccessPolicy accessPolicy() {
        return AccessPolicy.builder()
                .require(Scopes.INCIDENTS_READ, GET,
                        "/api/v1/incidents/{id}/timeline",
                        "/api/v1/incidents/{id}/debrief",
                        "/api/v1/debriefs",
                        "/api/v1/metrics",
                        "/api/v1/metrics/insights",
                        "/api/v1/follow-ups",
                        "/api/v1/follow-ups/stats")
                .require(Scopes.DEBRIEFS_WRITE, PUT, "/api/v1/incidents/{id}/debrief/sections/{section}")
                .require(Scopes.DEBRIEFS_WRITE, POST,
                        "/api/v1/incidents/{id}/debrief/complete",
                        "/api/v1/incidents/{id}/follow-ups")
                .require(Scopes.DEBRIEFS_WRITE, PATCH, "/api/v1/follow-ups/{followUpId}")
                .require(Scopes.ADMIN, POST, "/api/v1/admin/projection/replay")
                // Linear sends no bearer token: the credential is the body's signature (LinearWebhookController)
                .permit(POST, "/api/v1/integrations/linear/webhooks")
                .build();
    }
}
