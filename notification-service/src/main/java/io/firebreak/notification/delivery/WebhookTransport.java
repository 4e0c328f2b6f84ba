package io.firebreak.notification.delivery;

import io.firebreak.notification.domain.oncall.ContactMethodKind;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's own webhook: one JSON POST per message, in the shape of the organisation-wide paging webhook
 * ({@code PageDeliveryWorker}) plus the notice's text and links.
 */
@Component
public class WebhookTransport implements ContactTransport {

    /** The body: each page, with what a receiver needs to show or acknowledge it. */
    public record Body(String kind, List<Page> pages) {
    }

    public record Page(String pageId, String incidentId, String personId, String reference, String title,
            String severity, int level, String subject, String text, URI channelLink, URI ackUrl) {
    }

    private final ProviderHttp http;
    private final JsonMapper json;

    public WebhookTransport(ProviderHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public ContactMethodKind kind() {
        return ContactMethodKind.WEBHOOK;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public void send(String address, List<PageNotice> notices) throws Exception {
        Body body = new Body("firebreak.page", notices.stream().map(n -> new Page(n.pageId(), n.incidentId(),
                n.personId(), n.reference(), n.title(), n.severity(), n.level(), n.subject(), n.body(),
                n.channelLink(), n.ackUrl())).toList());
        http.send(HttpRequest.newBuilder(URI.create(address)).timeout(ProviderHttp.TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }
}
