package io.firebreak.command.web.incidents;

import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.problem.ProblemType;

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
            throw ApiProblem.badRequest("If-Match", "'If-Match' must be the incident version, e.g. \"3\"");
        }
    }

    static ApiProblem mismatch(long expected, long actual) {
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, ProblemType.VERSION_MISMATCH, "If-Match",
                "The incident is at version " + actual + ", not " + expected + "; re-read it and try again");
    }
}
