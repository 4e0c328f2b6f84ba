package io.firebreak.statuspage.subscribers.web;

/** The answer to a subscribe request; the same whether the address was new, unconfirmed or already subscribed. */
public record SubscriptionRequested(String status, String detail) {

    static SubscriptionRequested pending() {
        return new SubscriptionRequested("pending_confirmation",
                "If the address can receive mail, it gets a link to confirm the subscription (the link expires after a while).");
    }
}
