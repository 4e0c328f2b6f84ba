package io.firebreak.notification.domain.oncall;

/**
 * One way to reach a person; {@code id} is unique within the person, and notification rules name it. Methods
 * derived from a person's {@code slackUserId}, {@code email} and {@code phone} have the ids {@code slack-dm},
 * {@code email}, {@code sms} and {@code voice}.
 */
public record ContactMethod(String id, ContactMethodKind kind, String address) {
}
