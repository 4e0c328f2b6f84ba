package io.firebreak.notification.domain.oncall;

/**
 * A team: its Slack channel (without {@code #}), business hours, the schedule whose on-call answers for it, and its
 * engineering and product managers (person ids).
 */
public record Team(String id, String name, String slackChannel, BusinessHours businessHours, String scheduleId,
        String engineeringManager, String productManager) {
}
