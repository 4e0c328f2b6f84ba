package io.firebreak.schemas.serde;

/** Bytes that are not a Firebreak event this version of the schemas jar can read. */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
