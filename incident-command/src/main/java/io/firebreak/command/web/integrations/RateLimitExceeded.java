package io.firebreak.command.web.integrations;

import java.time.Duration;

/** An integration key sent more than its limit; the answer is 429 with {@code Retry-After}. */
public class RateLimitExceeded extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitExceeded(Duration retryAfter) {
        super("Too many requests from this integration; retry after " + retryAfter.toSeconds() + " s", null, false,
                false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
