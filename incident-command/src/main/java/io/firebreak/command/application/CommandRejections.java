package io.firebreak.command.application;

import io.firebreak.command.domain.IncidentRuleViolation;
import io.firebreak.command.domain.InvalidFieldException;
import io.firebreak.support.problem.ApiProblem;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;

/**
 * Which failures of a command are the request's own fault, in the words of the HTTP API's problem+json (title =
 * the status phrase, detail, field; see web/CommandProblemHandler): these are answered REJECTED. Anything else
 * (the database out of reach, a lane full, a commit cut off) says nothing about the request and is retried.
 */
public final class CommandRejections {

    /** Why a request was refused; never contains a submitted value. */
    public record Rejection(String title, String detail, String field) {
    }

    private CommandRejections() {
    }

    public static Optional<Rejection> of(Throwable failure) {
        if (failure instanceof ApiProblem problem) {
            return Optional.of(new Rejection(problem.status().getReasonPhrase(), problem.getMessage(), problem.field()));
        }
        if (failure instanceof InvalidFieldException invalid) {
            // includes SecretRejectedException, whose message names the field and the kind, never the secret
            return Optional.of(new Rejection(HttpStatus.UNPROCESSABLE_ENTITY.getReasonPhrase(), invalid.getMessage(),
                    invalid.field()));
        }
        if (failure instanceof IncidentRuleViolation rule) {
            return Optional.of(new Rejection(HttpStatus.CONFLICT.getReasonPhrase(), rule.getMessage(), rule.field()));
        }
        if (failure instanceof AggregateNotFoundException) {
            return Optional.of(new Rejection(HttpStatus.NOT_FOUND.getReasonPhrase(), "No such incident", null));
        }
        if (failure instanceof AggregateStreamCreationException) {
            return Optional.of(idInUse());
        }
        return Optional.empty();
    }

    static ApiProblem incidentIdInUse() {
        return ApiProblem.conflict("incidentId", "An incident with this id already exists; a declaration names a new id");
    }

    private static Rejection idInUse() {
        ApiProblem problem = incidentIdInUse();
        return new Rejection(problem.status().getReasonPhrase(), problem.getMessage(), problem.field());
    }
}
