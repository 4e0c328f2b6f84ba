package io.firebreak.debrief.linear;

/** A Linear call that did not do what was asked; the message names no credential and is safe to store. */
public class LinearException extends RuntimeException {

    public LinearException(String message) {
        super(message, null, false, false);
    }
}
