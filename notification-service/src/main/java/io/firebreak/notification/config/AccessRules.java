package io.firebreak.notification.config;

import io.firebreak.support.security.AccessPolicy;
import io.firebreak.support.security.Scopes;
import java.util.List;
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
                // acknowledge links carry their own credential (a signature) and open on phones without a token
                // (AckLinks.PATH, spelled out: config does not depend on acklink, which reads the properties)
                .permit(HttpMethod.GET, "/ack/{token}")
                .permit(HttpMethod.POST, "/ack/{token}")
                // PagerDuty sends no bearer token: the handler verifies X-PagerDuty-Signature (PagerDutyWebhookController)
                .permit(HttpMethod.POST, "/api/v1/integrations/pagerduty/webhooks")
                // Slack sends no bearer token: SlackEndpoint verifies X-Slack-Signature and refuses replays
                // (SlackInboundController.PATH, spelled out: config does not depend on web)
                .permit(HttpMethod.POST, "/api/v1/integrations/slack")
                // a responder who may acknowledge may see what they are asked to acknowledge
                .requireAny(List.of(Scopes.INCIDENTS_READ, Scopes.PAGING_ACK), HttpMethod.GET, "/api/v1/me/pages")
                .require(Scopes.INCIDENTS_READ, HttpMethod.GET,
                        "/api/v1/escalations",
                        "/api/v1/incidents/{id}/escalation",
                        "/api/v1/incidents/{id}/notifications")
                .require(Scopes.INCIDENTS_READ, HttpMethod.GET,
                        "/api/v1/oncall",
                        "/api/v1/oncall/audit",
                        "/api/v1/people", "/api/v1/people/{id}", "/api/v1/people/{id}/calendar.ics",
                        "/api/v1/teams", "/api/v1/teams/{id}",
                        "/api/v1/services", "/api/v1/services/{id}",
                        "/api/v1/schedules", "/api/v1/schedules/{id}", "/api/v1/schedules/{id}/shifts",
                        "/api/v1/schedules/{id}/calendar.ics", "/api/v1/schedules/{id}/overrides",
                        "/api/v1/escalation-policies", "/api/v1/escalation-policies/{id}")
                .require(Scopes.PAGING_WRITE, HttpMethod.POST,
                        "/api/v1/people", "/api/v1/teams", "/api/v1/services", "/api/v1/schedules",
                        "/api/v1/schedules/{id}/overrides", "/api/v1/escalation-policies",
                        "/api/v1/incidents/{id}/pages")
                .require(Scopes.PAGING_WRITE, HttpMethod.PUT,
                        "/api/v1/people/{id}", "/api/v1/teams/{id}", "/api/v1/services/{id}", "/api/v1/schedules/{id}",
                        "/api/v1/escalation-policies/{id}")
                .require(Scopes.PAGING_WRITE, HttpMethod.DELETE,
                        "/api/v1/people/{id}", "/api/v1/teams/{id}", "/api/v1/services/{id}", "/api/v1/schedules/{id}",
                        "/api/v1/schedules/{id}/overrides/{overrideId}", "/api/v1/escalation-policies/{id}")
                .require(Scopes.PAGING_ACK, HttpMethod.POST,
                        "/api/v1/pages/{pageId}/ack",
                        "/api/v1/incidents/{id}/ack")
                .build();
    }
}
