package io.firebreak.notification.domain.oncall;

/**
 * A team: its Slack channel (without {@code #}), business hours, the schedule whose on-call answers for it, its
 * engineering and product managers (person ids), and optionally its default lead (a person id): who is asked to lead a
 * Major or Critical incident of one of its services when nobody took the lead in time.
 */
public record Team(String id, String name, String slackChannel, BusinessHours businessHours, String scheduleId,
        String engineeringManager, String productManager, String defaultLead) {
}
