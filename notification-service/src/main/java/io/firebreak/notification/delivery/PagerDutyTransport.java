package io.firebreak.notification.delivery;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.oncall.ContactMethodKind;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's own PagerDuty service (the method's address is its Events v2 routing key): a trigger event per page,
 * deduplicated by page and person so a retry never pages twice. The organisation-wide PagerDuty integration stays
 * with {@code PageDeliveryWorker}.
 */
@Component
public class PagerDutyTransport implements ContactTransport {

    private final String eventsUrl;
    private final ProviderHttp http;
    private final JsonMapper json;

    public PagerDutyTransport(NotificationProperties properties, ProviderHttp http, JsonMapper json) {
        this.eventsUrl = properties.paging().pagerdutyEventsUrl();
        this.http = http;
        this.json = json;
    }

    @Override
    public ContactMethodKind kind() {
        return ContactMethodKind.PAGERDUTY;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public void send(String address, List<PageNotice> notices) throws Exception {
        for (PageNotice n : notices) {
            List<Map<String, String>> links = new ArrayList<>();
            if (n.channelLink() != null) {
                links.add(Map.of("href", n.channelLink().toString(), "text", "Incident channel"));
            }
            if (n.ackUrl() != null) {
                links.add(Map.of("href", n.ackUrl().toString(), "text", "Acknowledge in Firebreak"));
            }
            Map<String, Object> event = Map.of("routing_key", address, "event_action", "trigger",
                    "dedup_key", n.pageId() + ":" + n.personId(),
                    "payload", Map.of("summary", n.subject(), "source", "firebreak",
                            "severity", "CRITICAL".equals(n.severity()) ? "critical" : "error",
                            "custom_details", Map.of("incidentId", n.incidentId(), "reference", n.reference(),
                                    "level", n.level())),
                    "links", links);
            http.send(HttpRequest.newBuilder(URI.create(eventsUrl)).timeout(ProviderHttp.TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(event))).build());
        }
    }
}
