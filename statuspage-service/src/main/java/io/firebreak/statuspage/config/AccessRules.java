package io.firebreak.statuspage.config;

import io.firebreak.support.security.AccessPolicy;
import io.firebreak.support.security.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what. The status page is public by design: its HTML, its feeds and the Statuspage v2 documents
 * answer GET and HEAD without a credential (there are no static assets: the page's CSS is inline), and nothing
 * else does. Any other method or path is refused (401
 * without a token); actuator beyond the health probes needs {@code admin} (added by service-support).
 */
@Configuration(proxyBeanMethods = false)
public class AccessRules {

    /** Every path the page serves; the handler answers exactly these. */
    static final String[] PUBLIC_PAGES = {
            "/", "/history", "/incidents/{id}",
            "/history.atom", "/history.rss",
            "/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json", "/api/v2/incidents.json",
            "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances.json",
            "/api/v2/scheduled-maintenances/upcoming.json", "/api/v2/scheduled-maintenances/active.json"};

    @Bean
    public AccessPolicy accessPolicy() {
        return AccessPolicy.builder()
                .permit(HttpMethod.GET, PUBLIC_PAGES)
                .permit(HttpMethod.HEAD, PUBLIC_PAGES)
                // subscribers (issue 17): anyone may subscribe and follow the links in the e-mails; the rest is scoped
                .permit(HttpMethod.POST, "/api/v1/status-page/subscribers")
                .permit(HttpMethod.GET, "/subscriptions/confirm", "/subscriptions/unsubscribe")
                .permit(HttpMethod.POST, "/subscriptions", "/subscriptions/unsubscribe")
                .require(Scopes.STATUSPAGE_WRITE, HttpMethod.GET, "/api/v1/status-page/subscribers")
                .require(Scopes.STATUSPAGE_WRITE, HttpMethod.DELETE, "/api/v1/status-page/subscribers/{id}")
                .require(Scopes.STATUSPAGE_WRITE, HttpMethod.POST, "/api/v1/status-page/webhooks")
                .require(Scopes.STATUSPAGE_WRITE, HttpMethod.DELETE, "/api/v1/status-page/webhooks/{id}")
                .require(Scopes.INCIDENTS_READ, HttpMethod.GET, "/api/v1/status-page/incidents/{id}/customer-email")
                // the comms owner's scheduled maintenance (web/MaintenanceController); the public reads the v2 documents
                .require(Scopes.STATUSPAGE_WRITE, HttpMethod.POST, "/api/v1/status-page/maintenances",
                        "/api/v1/status-page/maintenances/{id}/start", "/api/v1/status-page/maintenances/{id}/complete")
                .require(Scopes.STATUSPAGE_WRITE, HttpMethod.PUT, "/api/v1/status-page/maintenances/{id}")
                .require(Scopes.STATUSPAGE_WRITE, HttpMethod.DELETE, "/api/v1/status-page/maintenances/{id}")
                .build();
    }
}
