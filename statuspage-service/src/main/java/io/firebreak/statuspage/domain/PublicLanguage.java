package io.firebreak.statuspage.domain;

import java.util.Locale;

/**
 * Firebreak's vocabulary translated into Statuspage's: statuses, impacts, component statuses and the page
 * indicator, with the rules that derive one from another.
 */
public final class PublicLanguage {

    private PublicLanguage() {
    }

    /** INVESTIGATING → investigating, FIXING → identified, MONITORING → monitoring, RESOLVED/CLOSED → resolved. */
    public static String incidentStatus(String status) {
        return switch (status) {
            case "INVESTIGATING" -> "investigating";
            case "FIXING" -> "identified";
            case "MONITORING" -> "monitoring";
            default -> "resolved";
        };
    }

    /** CRITICAL → critical, MAJOR → major, MINOR → minor. */
    public static String impact(String severity) {
        return severity.toLowerCase(Locale.ROOT);
    }

    /** A component's status under an open incident of this impact. */
    public static String componentStatus(String impact) {
        return switch (impact) {
            case "critical" -> "major_outage";
            case "major" -> "partial_outage";
            case "minor" -> "degraded_performance";
            default -> "operational";
        };
    }

    /** How bad a component status is, for picking the worst. */
    public static int componentRank(String componentStatus) {
        return switch (componentStatus) {
            case "major_outage" -> 4;
            case "partial_outage" -> 3;
            case "degraded_performance" -> 2;
            case "under_maintenance" -> 1;
            default -> 0;
        };
    }

    public static int impactRank(String impact) {
        return switch (impact) {
            case "critical" -> 3;
            case "major" -> 2;
            case "minor" -> 1;
            default -> 0;
        };
    }

    /** The page's indicator from the worst open incident impact. */
    public static String indicator(int worstImpactRank) {
        return switch (worstImpactRank) {
            case 3 -> "critical";
            case 2 -> "major";
            case 1 -> "minor";
            default -> "none";
        };
    }

    /** Statuspage's descriptions of the page status. */
    public static String description(String indicator) {
        return switch (indicator) {
            case "critical" -> "Major System Outage";
            case "major" -> "Partial System Outage";
            case "minor" -> "Minor Service Outage";
            default -> "All Systems Operational";
        };
    }
}
