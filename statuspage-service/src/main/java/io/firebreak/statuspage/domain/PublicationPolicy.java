package io.firebreak.statuspage.domain;

import java.util.Set;

/**
 * What becomes public automatically (defaults from docs/process.md#status-page): a Critical incident at once when
 * customers can see it — it has the customer-impact flag, or any affected service maps to a configured public
 * component (a Critical declared from monitoring carries no flag, but a customer-facing service is reason enough);
 * a Major one with customer impact when its first customer update is posted; never a Minor one. Once published, an
 * incident stays on the page until it resolves or the comms owner hides it.
 *
 * <p>Held back (issues 16, 17): a drill is never published, not even by hand; a security incident never
 * automatically: only the posting of a customer update, while it has customer impact at a severity that may be
 * published, makes it public. An incident the comms owner hid is never published again automatically, only by hand.
 */
public final class PublicationPolicy {

    private final Set<String> atOnce;
    private final Set<String> onCustomerUpdate;

    public PublicationPolicy(Set<String> atOnce, Set<String> onCustomerUpdate) {
        this.atOnce = Set.copyOf(atOnce);
        this.onCustomerUpdate = Set.copyOf(onCustomerUpdate);
    }

    /**
     * What the page knows of an unpublished incident when an event may publish it: {@code customerFacing} when any
     * affected service maps to a public component, {@code hidden} when the comms owner took it off the page.
     */
    public record Candidate(String severity, boolean customerImpact, boolean customerFacing, boolean hasCustomerUpdate,
            boolean security, boolean drill, boolean hidden) {
    }

    /** The kind of event that asks whether the incident is due. */
    public enum Trigger {
        DECLARED, SEVERITY_CHANGED, CUSTOMER_IMPACT_CHANGED, CUSTOMER_UPDATE_POSTED
    }

    public boolean publishNow(Candidate incident, Trigger trigger) {
        if (incident.drill() || incident.hidden()) {
            return false;
        }
        String severity = incident.severity();
        if (incident.security()) {
            return incident.customerImpact() && trigger == Trigger.CUSTOMER_UPDATE_POSTED
                    && (atOnce.contains(severity) || onCustomerUpdate.contains(severity));
        }
        if (atOnce.contains(severity)) {
            return incident.customerImpact() || incident.customerFacing();
        }
        return incident.customerImpact() && incident.hasCustomerUpdate() && onCustomerUpdate.contains(severity);
    }

    /** The comms owner's "publish now" wins over the rules, except for a drill, which never reaches the page. */
    public boolean publishByHand(boolean drill) {
        return !drill;
    }
}
