package io.firebreak.statuspage.subscribers.web;

import io.firebreak.statuspage.subscribers.storage.SubscriberView;
import java.util.List;

/** {@code GET /api/v1/status-page/subscribers}: every subscriber, addresses masked. */
public record SubscriberList(List<SubscriberView> subscribers) {
}
