package io.firebreak.statuspage.subscribers.domain;

import java.time.Instant;
import java.util.List;

/** The JSON body of a webhook delivery: which page, which incident, and the customer-visible change. */
public record WebhookPayload(String type, String noticeId, Page page, Incident incident) {

    public record Page(String name, String url) {
    }

    public record Incident(String id, String name, String status, String url, List<String> components,
            Instant startedAt, Instant resolvedAt, String update) {
    }

    public static WebhookPayload of(String noticeId, String pageName, String pageUrl, IncidentFacts facts,
            List<String> componentIds) {
        return new WebhookPayload("incident.updated", noticeId, new Page(pageName, pageUrl),
                new Incident(facts.incidentId(), facts.title(), facts.status(),
                        NoticeText.incidentUrl(pageUrl, facts.incidentId()), componentIds, facts.startedAt(),
                        facts.resolvedAt(), facts.latestUpdate()));
    }
}
