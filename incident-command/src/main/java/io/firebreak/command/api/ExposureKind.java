package io.firebreak.command.api;

/**
 * What a declarer suspects was exposed. Card data, credentials and keys make an incident Critical at least
 * (docs/process.md#severities: "sensitive data (card details, credentials, keys) may be exposed"); personal data
 * makes it a security incident without raising it.
 */
public enum ExposureKind {
    CARD_DATA("card data"), CREDENTIALS("credentials"), KEYS("keys"), PERSONAL_DATA("personal data");

    private final String words;

    ExposureKind(String words) {
        this.words = words;
    }

    /** Whether suspecting this exposure makes the incident Critical at least. */
    public boolean makesCritical() {
        return this != PERSONAL_DATA;
    }

    /** How a timeline note says it, e.g. "card data". */
    public String words() {
        return words;
    }
}
