package io.firebreak.command.application;

/**
 * Where answers go: called inside the transaction that records the answer, so an answer is published if and only if
 * what it says is committed (messaging writes it to the outbox).
 */
public interface CommandAnswers {

    /** The first time this answer is given. */
    void send(CommandAnswer answer);

    /** The same answer again, for a redelivered request: identical content, same answer id. */
    void resend(CommandAnswer answer);
}
