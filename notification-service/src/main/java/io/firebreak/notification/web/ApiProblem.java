package io.firebreak.notification.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with its status and the field to blame. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public ApiProblem(HttpStatus status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, null, "No " + what);
    }

    public static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, field, detail);
    }

    public static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, field, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
