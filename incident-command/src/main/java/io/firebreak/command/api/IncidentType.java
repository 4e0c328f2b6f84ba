package io.firebreak.command.api;

/**
 * What kind of incident (docs/process.md#principles: not only outages). Declarations say ENGINEERING unless told
 * otherwise; any suspected exposure makes an incident SECURITY ({@link ExposureKind}).
 */
public enum IncidentType {
    ENGINEERING, SUPPORT, BILLING, SECURITY, VENDOR, OTHER
}
