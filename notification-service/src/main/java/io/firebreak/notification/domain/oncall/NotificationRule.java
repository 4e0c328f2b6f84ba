package io.firebreak.notification.domain.oncall;

import java.time.Duration;

/** "Contact method {@code contactMethod} {@code afterMinutes} minutes after I am paged", until someone acknowledges. */
public record NotificationRule(String contactMethod, int afterMinutes) {

    public static final int MAX_AFTER_MINUTES = 24 * 60;

    public Duration after() {
        return Duration.ofMinutes(afterMinutes);
    }
}
