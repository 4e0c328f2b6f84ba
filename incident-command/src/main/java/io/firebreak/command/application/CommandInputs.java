package io.firebreak.command.application;

import io.firebreak.command.api.Severity;
import io.firebreak.command.domain.SeverityLabel;
import io.firebreak.support.problem.ApiProblem;
import java.util.regex.Pattern;

/**
 * The checks every surface that takes commands (the HTTP API, requests on Kafka) makes before a command reaches the
 * aggregate, with one wording, so a person gets the same answer for the same mistake wherever they made it.
 */
public final class CommandInputs {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CommandInputs() {
    }

    /** A severity label or alias, normalised; null stays null (the aggregate says whether one is required). */
    public static Severity severity(String label) {
        if (label == null) {
            return null;
        }
        return SeverityLabel.parse(label).orElseThrow(() -> ApiProblem.badRequest("severity",
                "'severity' must be one of " + SeverityLabel.accepted()));
    }

    /** Whether {@code id} can be an incident id at all (a UUID); anything else is answered without a query. */
    public static boolean isIncidentId(String id) {
        return id != null && UUID_TEXT.matcher(id).matches();
    }

    /** Not an incident id: never echoed, it may be anything. */
    public static ApiProblem noSuchIncident() {
        return ApiProblem.notFound("incident with this id (an incident id is a UUID or a reference INC-<n>)");
    }

    /** A well-formed incident id that names no incident. */
    public static ApiProblem unknownIncident(String id) {
        return ApiProblem.notFound("incident " + id);
    }
}
