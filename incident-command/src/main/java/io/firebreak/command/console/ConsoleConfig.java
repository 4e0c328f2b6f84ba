package io.firebreak.command.console;

import io.firebreak.command.api.Severity;
import java.util.Map;

/**
 * {@code GET /console/config.json}: where the browser finds each service's API (empty: the console's own origin), how
 * it signs in ({@code oidc} null: paste a token) and the update cadence per severity in minutes (docs/process.md,
 * "Update cadence"), so the board marks a missed update with the same numbers the reminders use.
 */
public record ConsoleConfig(String commandUrl, String notificationUrl, String statuspageUrl, String debriefUrl,
        Oidc oidc, Map<Severity, Long> updateCadenceMinutes) {

    /** The identity provider's issuer (its discovery document is {@code issuer/.well-known/openid-configuration}). */
    public record Oidc(String issuer, String clientId) {
    }
}
