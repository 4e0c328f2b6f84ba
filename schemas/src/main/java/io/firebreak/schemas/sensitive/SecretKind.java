package io.firebreak.schemas.sensitive;

/** Kinds of sensitive data that must never enter an event, a chat channel or the status page. */
public enum SecretKind {
    CARD("card", "payment card number"),
    PRIVATE_KEY("private_key", "private key"),
    AWS_ACCESS_KEY("aws_access_key", "AWS access key"),
    JWT("jwt", "JSON web token"),
    BEARER_TOKEN("bearer_token", "bearer token"),
    URL_CREDENTIALS("url_credentials", "credentials in a URL");

    private final String code;
    private final String description;

    SecretKind(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** Short machine-readable name, used in problem details and in {@code [REDACTED:<code>]}. */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
