package io.firebreak.notification.domain.oncall;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a person can be reached. The address of each: a Slack user id, an e-mail address, an E.164 phone number (SMS
 * and voice), an ntfy topic URL (push), a webhook URL, a PagerDuty Events v2 routing key.
 */
public enum ContactMethodKind {
    SLACK_DM, EMAIL, SMS, VOICE, PUSH, WEBHOOK, PAGERDUTY;

    /**
     * An unknown kind reads as null, so the on-call rules refuse it with 422 naming the field (a failed enum
     * conversion would be a 400 about the JSON's format instead).
     */
    @JsonCreator
    public static ContactMethodKind of(String value) {
        return value == null ? null : Arrays.stream(values())
                .filter(kind -> kind.name().equals(value.strip().toUpperCase(Locale.ROOT))).findFirst().orElse(null);
    }

    /** Whether a provider bills and phones wake people: these are throttled per method. */
    public boolean throttled() {
        return this == SMS || this == VOICE;
    }
}
