package io.firebreak.command.api;

/** Where a declaration came from. */
public enum IncidentSource {
    API, CLI, ALERTMANAGER, PAGERDUTY_EVENTS, WEBHOOK, SLACK
}
