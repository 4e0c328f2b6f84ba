package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** A failure the CLI reports on standard error with its own exit code. */
final class CliException extends RuntimeException {

    static final int API_ERROR = 1;
    static final int CONFIGURATION = 2;
    static final int UNREACHABLE = 3;

    private final int exitCode;
    private final int httpStatus;
    private final JsonNode problem;

    CliException(int exitCode, String message) {
        this(exitCode, message, 0, null);
    }

    /** An API refusal: its HTTP status and its problem+json body (printed as is with {@code --json}). */
    CliException(int exitCode, String message, int httpStatus, JsonNode problem) {
        super(message);
        this.exitCode = exitCode;
        this.httpStatus = httpStatus;
        this.problem = problem;
    }

    int exitCode() {
        return exitCode;
    }

    /** The API's problem detail, or null when the failure did not come from the API. */
    JsonNode problem() {
        return problem;
    }

    /** The field the API blamed, or null. */
    String field() {
        return problem == null ? null : problem.path("field").asText(null);
    }

    /** The HTTP status the API answered, or 0 when it did not answer. */
    int httpStatus() {
        return httpStatus;
    }

    /** The same failure with a line of advice after the API's own words. */
    CliException withHint(String hint) {
        return new CliException(exitCode, getMessage() + System.lineSeparator() + "hint: " + hint, httpStatus,
                problem);
    }
}
