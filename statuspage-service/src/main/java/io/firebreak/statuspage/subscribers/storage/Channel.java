package io.firebreak.statuspage.subscribers.storage;

/** How a subscriber is reached. */
public enum Channel {
    EMAIL, WEBHOOK
}
