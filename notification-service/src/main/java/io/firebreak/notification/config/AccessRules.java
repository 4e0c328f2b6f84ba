package io.firebreak.notification.config;

import io.firebreak.support.security.AccessPolicy;
import io.firebreak.support.security.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Which scope each route of notification-service needs. Health probes are public and the rest of actuator needs
 * {@code admin} (service-support adds both); anything not listed here is refused.
 */
@Configuration(proxyBeanMethods = false)
public class AccessRules {

    @Bean
    public AccessPolicy accessPolicy() {
        return AccessPolicy.builder()
                .require(Scopes.INCIDENTS_READ, HttpMethod.GET,
                        "/api/v1/incidents/{id}/escalation",
                        "/api/v1/incidents/{id}/notifications")
                .require(Scopes.PAGING_ACK, HttpMethod.POST,
                        "/api/v1/pages/{pageId}/ack",
                        "/api/v1/incidents/{id}/ack")
                .build();
    }
}
