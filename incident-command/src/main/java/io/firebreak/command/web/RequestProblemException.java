package io.firebreak.command.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** A request-level problem with its own status and type: not found, version mismatch, idempotency key reuse. */
public class RequestProblemException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final String field;

    public RequestProblemException(HttpStatus status, URI type, String field, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.field = field;
    }

    public static RequestProblemException notFound(String idOrReference) {
        return new RequestProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, null,
                "No incident " + idOrReference);
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String field() {
        return field;
    }
}
