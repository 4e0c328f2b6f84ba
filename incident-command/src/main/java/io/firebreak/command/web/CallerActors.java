package io.firebreak.command.web;

import io.firebreak.command.api.Actor;
import io.firebreak.support.security.Caller;

/** The person or integration behind a request's credential, as the actor of the commands it sends. */
public final class CallerActors {

    private CallerActors() {
    }

    public static Actor of(Caller caller) {
        return new Actor(caller.id(), caller.displayName(), caller.kind().name());
    }
}
