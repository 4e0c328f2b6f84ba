package io.firebreak.notification.readmodel;

import io.firebreak.notification.domain.oncall.Severity;
import java.time.Instant;

/**
 * One page of the calling person, as the console's "my pages" lists it; {@code ackPath} is the API route that
 * acknowledges it ({@code POST}). {@code state} tells a page still waiting from one cancelled when paging stopped.
 */
public record ResponderPage(
        String pageId,
        String incidentId,
        String incidentReference,
        String title,
        Severity severity,
        Instant triggeredAt,
        boolean acknowledged,
        Instant acknowledgedAt,
        PageState state,
        String ackPath) {

    public static String ackPath(String pageId) {
        return "/api/v1/pages/" + pageId + "/ack";
    }
}
