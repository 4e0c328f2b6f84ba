package io.firebreak.notification.domain.oncall;

/**
 * Someone who can be paged. Slack user id, e-mail and phone are stored (and mirrored into {@code contact_method}
 * rows) for the delivery that comes later; today a page reaches a person by Slack DM, PagerDuty or the webhook.
 */
public record Person(String id, String name, String slackUserId, String email, String phone) {
}
