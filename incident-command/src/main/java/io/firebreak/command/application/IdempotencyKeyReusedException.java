package io.firebreak.command.application;

/** An Idempotency-Key came back with a different request body than the one it first declared. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used with a different request body");
    }
}
