package io.firebreak.statuspage.domain;

import java.util.Set;

/**
 * What becomes public (defaults from docs/process.md#status-page): a Critical incident with customer impact at
 * once, a Major one with customer impact when its first customer update is posted, never a Minor one or one
 * without customer impact. Once published, an incident stays on the page until it resolves.
 */
public final class PublicationPolicy {

    private final Set<String> atOnce;
    private final Set<String> onCustomerUpdate;

    public PublicationPolicy(Set<String> atOnce, Set<String> onCustomerUpdate) {
        this.atOnce = Set.copyOf(atOnce);
        this.onCustomerUpdate = Set.copyOf(onCustomerUpdate);
    }

    public boolean publishNow(String severity, boolean customerImpact, boolean hasCustomerUpdate) {
        if (!customerImpact) {
            return false;
        }
        return atOnce.contains(severity) || (hasCustomerUpdate && onCustomerUpdate.contains(severity));
    }
}
