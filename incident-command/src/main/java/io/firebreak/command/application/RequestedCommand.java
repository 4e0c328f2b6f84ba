package io.firebreak.command.application;

import io.firebreak.command.api.Actor;

/**
 * A command a person asked for through another surface than the HTTP API (Slack, via Kafka), already checked as
 * the HTTP API checks a request body: a declaration, a change to an incident, or a request refused before it
 * reached the aggregate.
 */
public sealed interface RequestedCommand {

    /** The request's idempotency key. */
    String commandId();

    String incidentId();

    /** The person behind the request: the actor of every event it causes. */
    Actor actor();

    /** {@code force}: declare even when the declaration resembles an open incident (the person saw the warning). */
    record Declare(String commandId, String incidentId, Actor actor, Declarations.Declaration declaration,
            boolean force) implements RequestedCommand {
    }

    /** One of the aggregate's commands ({@code api.Commands}) for an existing incident, without expected version. */
    record Change(String commandId, String incidentId, Actor actor, Object command) implements RequestedCommand {
    }

    /** Refused at the boundary (an unknown severity, a secret in a text): answered REJECTED with this problem. */
    record Invalid(String commandId, String incidentId, Actor actor, RuntimeException problem)
            implements RequestedCommand {
    }
}
