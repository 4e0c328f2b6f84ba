package io.firebreak.statuspage.subscribers.storage;

import java.time.Instant;
import java.util.List;

/** A subscriber as the admin list shows it: the address already masked (personal data), a webhook URL cut to its host. */
public record SubscriberView(String id, Channel channel, String address, List<String> components, boolean confirmed,
        Instant createdAt) {
}
