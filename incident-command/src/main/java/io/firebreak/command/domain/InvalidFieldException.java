package io.firebreak.command.domain;

/** A command carries a value that can never be accepted, whatever the incident's state (HTTP 422). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
