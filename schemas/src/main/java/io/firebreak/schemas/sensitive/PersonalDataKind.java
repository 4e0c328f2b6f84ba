package io.firebreak.schemas.sensitive;

/** Kinds of customers' personal data that incident text should not carry onto shared surfaces. */
public enum PersonalDataKind {
    EMAIL("email", "e-mail address"),
    PHONE("phone", "phone number");

    private final String code;
    private final String description;

    PersonalDataKind(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** Short machine-readable name, used in {@code [REDACTED:<code>]}. */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
