package io.firebreak.statuspage.subscribers.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the status page knows publicly about an incident, as notices and the customer e-mail need it: the public
 * title, the public status, when impact began and ended, the public component names, the latest customer-visible
 * update and the latest "what you can do". All of it already screened for the page.
 */
public record IncidentFacts(String incidentId, String title, String status, Instant startedAt, Instant resolvedAt,
        List<String> components, String latestUpdate, String whatYouCanDo) {

    public IncidentFacts {
        components = List.copyOf(components);
    }
}
