package io.firebreak.command.web;

import java.net.URI;

/** Stable {@code type} URIs of Firebreak's problem details (RFC 9457). */
public final class ProblemTypes {

    private static final String BASE = "https://firebreak.dev/problems/";

    public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
    public static final URI INVALID_FIELD = URI.create(BASE + "invalid-field");
    public static final URI SECRET_DETECTED = URI.create(BASE + "secret-detected");
    public static final URI RULE_VIOLATED = URI.create(BASE + "rule-violated");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI VERSION_MISMATCH = URI.create(BASE + "version-mismatch");
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create(BASE + "idempotency-key-reused");
    public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
    public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
    public static final URI INTERNAL = URI.create(BASE + "internal-error");

    private ProblemTypes() {
    }
}
