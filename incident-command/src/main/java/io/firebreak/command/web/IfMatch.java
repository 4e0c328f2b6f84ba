package io.firebreak.command.web;

import org.springframework.http.HttpStatus;

/** {@code If-Match: <version>} (quoted or not, weak or not) for optimistic concurrency. */
final class IfMatch {

    private IfMatch() {
    }

    static Long parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new BadRequestException("If-Match", "'If-Match' must be the incident version, e.g. \"3\"");
        }
    }

    static RequestProblemException mismatch(long expected, long actual) {
        return new RequestProblemException(HttpStatus.PRECONDITION_FAILED, ProblemTypes.VERSION_MISMATCH, "If-Match",
                "The incident is at version " + actual + ", not " + expected + "; re-read it and try again");
    }
}
