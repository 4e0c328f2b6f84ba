package io.firebreak.notification.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The containment levers of the policies, in the order they are pulled (docs/process.md; schema enum
 * ContainmentLever, same names): the word {@code /inc contain} takes for each and what the pinned summary calls it.
 */
public enum ContainmentLever {
    FEATURE_FLAG_OFF("flag", "Feature flag off"),
    DEPLOY_ROLLBACK("deploy", "Deploy rollback"),
    MIGRATION_ROLLBACK("migration", "Migration rollback"),
    DATA_CORRECTION("data", "Data correction");

    private final String word;
    private final String label;

    ContainmentLever(String word, String label) {
        this.word = word;
        this.label = label;
    }

    public String word() {
        return word;
    }

    public String label() {
        return label;
    }

    /** By its word ({@code flag}) or its name ({@code FEATURE_FLAG_OFF}), ignoring case. */
    public static Optional<ContainmentLever> of(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (ContainmentLever lever : values()) {
            if (lever.word.equals(wanted) || lever.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(lever);
            }
        }
        return Optional.empty();
    }
}
