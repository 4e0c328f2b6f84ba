package io.firebreak.statuspage.subscribers.web;

import java.util.List;

/** {@code POST /api/v1/status-page/webhooks}: where to POST notices, and for which components (none: all). */
public record CreateWebhookRequest(String url, List<String> components) {
}
