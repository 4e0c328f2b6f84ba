package io.firebreak.support.problem;

import io.firebreak.schemas.sensitive.SecretKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request a service refuses: its status, its problem type, the field to blame and any extra members. The
 * message is shown to the client, so it never contains a submitted value (it may be a secret).
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final ProblemType type;
    private final String field;
    private final Map<String, Object> properties;

    public ApiProblem(HttpStatus status, ProblemType type, String field, String detail) {
        this(status, type, field, detail, Map.of());
    }

    public ApiProblem(HttpStatus status, ProblemType type, String field, String detail,
            Map<String, Object> properties) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.field = field;
        this.properties = Map.copyOf(properties);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, null, "No " + what);
    }

    public static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.INVALID_FIELD, field, detail);
    }

    public static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST, field, detail);
    }

    public static ApiProblem conflict(String field, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, ProblemType.RULE_VIOLATED, field, detail);
    }

    /** A credential or card number in {@code field}: named by kind, never echoed. */
    public static ApiProblem secret(String field, SecretKind kind) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("secretKind", kind.code());
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.SECRET_DETECTED, field,
                "'" + field + "' contains a " + kind.description() + "; sensitive data never enters Firebreak",
                extra);
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
