package io.firebreak.notification.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What pulling a containment lever did (schema enum ContainmentOutcome, same names): the word {@code /inc contain}
 * takes for each ({@code contained}, {@code not-contained}, {@code n/a}) and how the summary shows it.
 */
public enum ContainmentOutcome {
    CONTAINED("contained", ":white_check_mark:", "contained"),
    NOT_CONTAINED("not-contained", ":x:", "did not contain it"),
    NOT_APPLICABLE("n/a", ":heavy_minus_sign:", "does not apply");

    private final String word;
    private final String emoji;
    private final String said;

    ContainmentOutcome(String word, String emoji, String said) {
        this.word = word;
        this.emoji = emoji;
        this.said = said;
    }

    public String word() {
        return word;
    }

    public String emoji() {
        return emoji;
    }

    /** "contained", "did not contain it", "does not apply" */
    public String said() {
        return said;
    }

    /** By its word ({@code not-contained}; also {@code na}, {@code not-applicable}) or name, ignoring case. */
    public static Optional<ContainmentOutcome> of(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("na") || wanted.equals("not-applicable")) {
            return Optional.of(NOT_APPLICABLE);
        }
        for (ContainmentOutcome outcome : values()) {
            if (outcome.word.equals(wanted) || outcome.name().toLowerCase(Locale.ROOT).equals(wanted.replace('-', '_'))) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
