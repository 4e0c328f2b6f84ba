package io.firebreak.support.problem;

import java.net.URI;

/**
 * The one vocabulary of problem {@code type}s (RFC 9457) that every Firebreak service answers with. A client can
 * switch on the type without knowing which service it talked to.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request"),
    INVALID_FIELD("invalid-field"),
    SECRET_DETECTED("secret-detected"),
    RULE_VIOLATED("rule-violated"),
    NOT_FOUND("not-found"),
    VERSION_MISMATCH("version-mismatch"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused"),
    PAYLOAD_TOO_LARGE("payload-too-large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),
    NOT_ACCEPTABLE("not-acceptable"),
    METHOD_NOT_ALLOWED("method-not-allowed"),
    UNAUTHORIZED("unauthorized"),
    FORBIDDEN("forbidden"),
    RATE_LIMITED("rate-limited"),
    /** 503: refused before anything was touched (a burst, the database out of reach); {@code changed: false}. */
    UNAVAILABLE("unavailable"),
    /** 503: a commit was cut off; the change may or may not be stored; {@code changed: "unknown"}. */
    OUTCOME_UNKNOWN("outcome-unknown"),
    INTERNAL("internal-error");

    public static final String BASE = "https://firebreak.dev/problems/";

    private final String code;
    private final URI uri;

    ProblemType(String code) {
        this.code = code;
        this.uri = URI.create(BASE + code);
    }

    public String code() {
        return code;
    }

    public URI uri() {
        return uri;
    }
}
