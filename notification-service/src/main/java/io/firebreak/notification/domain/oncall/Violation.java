package io.firebreak.notification.domain.oncall;

/** Why a change to the model is refused: the field to blame (a JSON path into the request) and a message. */
public record Violation(String field, String message) {
}
