package io.firebreak.notification.domain.oncall;

/**
 * What a step of an escalation policy pages: a PERSON, whoever is on call for a SCHEDULE (overrides included), a
 * ROTATION's on-call ({@code offset} 1: the next in line), a TEAM_CHANNEL (a Slack message to the team's channel,
 * nobody paged) or another POLICY (its first step's targets, for handing over to another team).
 */
public enum TargetKind {
    PERSON,
    SCHEDULE,
    ROTATION,
    TEAM_CHANNEL,
    POLICY
}
