package io.firebreak.command.application;

/**
 * The command's transaction was cut off while committing: it may or may not be stored. The answer says so
 * (never "nothing changed"); the incident's events or a retry with {@code If-Match} / {@code Idempotency-Key}
 * settle it.
 */
public class CommandOutcomeUnknown extends RuntimeException {

    public CommandOutcomeUnknown(Throwable cause) {
        super("The change may or may not have been stored (the database connection failed while committing)."
                + " Check the incident's events, or retry with If-Match or the same Idempotency-Key, which is safe.",
                cause);
    }
}
