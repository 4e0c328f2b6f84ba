package io.firebreak.statuspage.domain;

import java.util.Set;

/**
 * What becomes public (defaults from docs/process.md#status-page): a Critical incident with customer impact at
 * once, a Major one with customer impact when its first customer update is posted, never a Minor one or one
 * without customer impact. Once published, an incident stays on the page until it resolves.
 *
 * <p>Two kinds of incident are held back (issue 16): a drill is never published, whatever its severity and
 * updates; a security incident never automatically: only the posting of a customer update, while it has customer
 * impact at a severity that may be published, makes it public. Its declaration, a severity raised to Critical or a
 * change of customer impact never do, nor does a customer update posted earlier, when it could not be published.
 */
public final class PublicationPolicy {

    private final Set<String> atOnce;
    private final Set<String> onCustomerUpdate;

    public PublicationPolicy(Set<String> atOnce, Set<String> onCustomerUpdate) {
        this.atOnce = Set.copyOf(atOnce);
        this.onCustomerUpdate = Set.copyOf(onCustomerUpdate);
    }

    /** What the page knows of an unpublished incident when an event may publish it. */
    public record Candidate(String severity, boolean customerImpact, boolean hasCustomerUpdate, boolean security,
            boolean drill) {
    }

    /** The kind of event that asks whether the incident is due. */
    public enum Trigger {
        DECLARED, SEVERITY_CHANGED, CUSTOMER_IMPACT_CHANGED, CUSTOMER_UPDATE_POSTED
    }

    public boolean publishNow(Candidate incident, Trigger trigger) {
        if (incident.drill() || !incident.customerImpact()) {
            return false;
        }
        String severity = incident.severity();
        if (incident.security()) {
            return trigger == Trigger.CUSTOMER_UPDATE_POSTED
                    && (atOnce.contains(severity) || onCustomerUpdate.contains(severity));
        }
        return atOnce.contains(severity) || (incident.hasCustomerUpdate() && onCustomerUpdate.contains(severity));
    }
}
