package io.firebreak.notification.delivery;

import io.firebreak.notification.acklink.AckLinkIssuer;
import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.IncidentMarks;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Builds {@link PageNotice}s from a claimed delivery's row, with an acknowledge link when an issuer is wired. */
@Component
public class PageNotices {

    private final String channelLink;
    private final ObjectProvider<AckLinkIssuer> ackLinks;

    public PageNotices(NotificationProperties properties, ObjectProvider<AckLinkIssuer> ackLinks) {
        this.channelLink = properties.contact().slackChannelLink();
        this.ackLinks = ackLinks;
    }

    /** @param row page_id, incident_id, person_id, reference, title, severity, level, channel_id, drill, incident_type */
    PageNotice of(Map<String, Object> row) {
        String pageId = (String) row.get("page_id");
        String personId = (String) row.get("person_id");
        String channelId = (String) row.get("channel_id");
        AckLinkIssuer issuer = ackLinks.getIfAvailable();
        return new PageNotice(pageId, (String) row.get("incident_id"), personId, (String) row.get("reference"),
                (String) row.get("title"), (String) row.get("severity"), ((Number) row.get("level")).intValue(),
                channelId == null || channelId.isBlank() ? null
                        : URI.create(channelLink.replace("{channel}", URLEncoder.encode(channelId, StandardCharsets.UTF_8))),
                issuer == null ? null : issuer.issue(pageId, personId),
                IncidentMarks.of(Boolean.TRUE.equals(row.get("drill")), (String) row.get("incident_type")));
    }
}
