package io.firebreak.statuspage.subscribers.web;

import java.time.Duration;

/** A subscribe request over its IP's or address's limit: 429 with Retry-After ({@link SubscriberProblems}). */
class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;

    TooManyRequests(Duration retryAfter) {
        super("Too many subscription requests; try again later", null, false, false);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
