package io.firebreak.schemas.sensitive;

/** Kinds of sensitive data that must never enter an event, a chat channel or the status page. */
public enum SecretKind {
    CARD("card", "payment card number"),
    PRIVATE_KEY("private_key", "private key"),
    AWS_ACCESS_KEY("aws_access_key", "AWS access key"),
    JWT("jwt", "JSON web token"),
    BEARER_TOKEN("bearer_token", "bearer token"),
    URL_CREDENTIALS("url_credentials", "credentials in a URL"),
    PASSWORD("password", "password or other credential assigned in a config line or connection string"),
    SLACK_TOKEN("slack_token", "Slack token"),
    SLACK_WEBHOOK("slack_webhook", "Slack webhook URL"),
    GITHUB_TOKEN("github_token", "GitHub token"),
    GITLAB_TOKEN("gitlab_token", "GitLab personal access token"),
    STRIPE_KEY("stripe_key", "Stripe live secret key"),
    GOOGLE_API_KEY("google_api_key", "Google API key"),
    AWS_SECRET_KEY("aws_secret_key", "AWS secret access key");

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
