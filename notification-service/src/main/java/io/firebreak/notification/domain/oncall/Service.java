package io.firebreak.notification.domain.oncall;

/**
 * A service in the catalog: the team that owns it, its escalation policy per severity, its runbook, the Slack
 * channel to tell (the team's when none) and whether customers use it directly.
 */
public record Service(String id, String name, String teamId, SeverityPolicies escalationPolicies, String runbookUrl,
        String slackChannel, Boolean customerFacing) {

    public Service {
        escalationPolicies = escalationPolicies == null ? SeverityPolicies.NONE : escalationPolicies;
        customerFacing = customerFacing != null && customerFacing;
    }
}
