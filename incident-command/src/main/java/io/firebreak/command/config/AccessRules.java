package io.firebreak.command.config;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.firebreak.command.web.integrations.PagerDutyController;
import io.firebreak.support.security.AccessPolicy;
import io.firebreak.support.security.Scopes;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AccessRules {

    /**
     * Reads need {@code incidents:read}, changes {@code incidents:write}, monitoring {@code integrations:ingest}; the
     * status page controls and the customer e-mail accept {@code statuspage:write} too.
     * PagerDuty's Events API carries no credential header: its senders prove themselves with a configured routing
     * key in the body, checked by the controller. The OpenAPI document describes the API, no data: public. So are the
     * responder console's static files, its settings and the webjars it loads (console/ConsoleController): the browser
     * calls every {@code /api/**} with the person's own credential.
     */
    @Bean
    public AccessPolicy accessPolicy() {
        return AccessPolicy.builder()
                .permit(POST, PagerDutyController.PATH)
                .permit(GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**")
                .permit(GET, "/console", "/console/**", "/webjars/**")
                .permit(HEAD, "/console", "/console/**", "/webjars/**")
                .require(Scopes.INTEGRATIONS_INGEST, POST, "/api/v1/integrations/**")
                .require(Scopes.INCIDENTS_READ, GET, "/api/v1/incidents", "/api/v1/incidents/**")
                // the comms owner's controls (issue 17): the incident's writers, or a status page credential
                .requireAny(List.of(Scopes.INCIDENTS_WRITE, Scopes.STATUSPAGE_WRITE), POST,
                        "/api/v1/incidents/{id}/status-page/**", "/api/v1/incidents/{id}/customer-email")
                .requireAny(List.of(Scopes.INCIDENTS_WRITE, Scopes.STATUSPAGE_WRITE), PUT,
                        "/api/v1/incidents/{id}/status-page/**")
                .require(Scopes.INCIDENTS_WRITE, POST, "/api/v1/incidents", "/api/v1/incidents/**")
                .require(Scopes.INCIDENTS_WRITE, PUT, "/api/v1/incidents/**")
                .require(Scopes.INCIDENTS_WRITE, PATCH, "/api/v1/incidents/**")
                .require(Scopes.INCIDENTS_WRITE, DELETE, "/api/v1/incidents/**")
                .build();
    }
}
