package io.firebreak.statuspage.subscribers.web;

import java.time.Instant;
import java.util.List;

/**
 * A new webhook subscriber. {@code secret} is shown this once: every delivery carries
 * {@code X-Firebreak-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
 */
public record WebhookCreated(String id, String url, List<String> components, String secret, Instant createdAt) {
}
