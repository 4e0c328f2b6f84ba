package io.firebreak.command.web;

/** The request cannot be understood: unknown enum value, malformed header or parameter (HTTP 400). */
public class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
