package io.firebreak.command.domain;

import io.firebreak.command.api.Severity;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The severity vocabularies of docs/process.md#severity-aliases, mapped onto one scale: Minor/Major/Critical, Low/Medium/High,
 * SEV1-SEV4 and P0-P3, case-insensitive, with or without a dash or space ("SEV-1", "sev 2").
 */
public final class SeverityLabel {

    private static final Map<String, Severity> ALIASES = Map.ofEntries(
            Map.entry("MINOR", Severity.MINOR), Map.entry("MAJOR", Severity.MAJOR),
            Map.entry("CRITICAL", Severity.CRITICAL),
            Map.entry("LOW", Severity.MINOR), Map.entry("MEDIUM", Severity.MAJOR), Map.entry("HIGH", Severity.CRITICAL),
            Map.entry("SEV1", Severity.CRITICAL), Map.entry("SEV2", Severity.MAJOR),
            Map.entry("SEV3", Severity.MINOR), Map.entry("SEV4", Severity.MINOR),
            Map.entry("P0", Severity.CRITICAL), Map.entry("P1", Severity.MAJOR),
            Map.entry("P2", Severity.MINOR), Map.entry("P3", Severity.MINOR));

    private SeverityLabel() {
    }

    public static Optional<Severity> parse(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String key = label.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        return Optional.ofNullable(ALIASES.get(key));
    }

    /** The accepted labels, for error messages. */
    public static String accepted() {
        return "MINOR, MAJOR, CRITICAL, LOW, MEDIUM, HIGH, SEV1-SEV4, P0-P3";
    }
}
