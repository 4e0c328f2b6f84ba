package io.firebreak.statuspage.subscribers.web;

import java.util.List;

/** {@code POST /api/v1/status-page/subscribers}: an address, and the components wanted (none or empty: all). */
public record SubscribeRequest(String email, List<String> components) {
}
