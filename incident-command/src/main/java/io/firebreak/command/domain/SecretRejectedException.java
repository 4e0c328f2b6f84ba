package io.firebreak.command.domain;

import io.firebreak.schemas.sensitive.SecretKind;

/**
 * A free-text field contains sensitive data. The message names the field and the kind of secret, never the
 * secret itself, so it is safe to log and to return.
 */
public class SecretRejectedException extends InvalidFieldException {

    private final SecretKind kind;

    public SecretRejectedException(String field, SecretKind kind) {
        super(field, "'" + field + "' contains a " + kind.description()
                + "; sensitive data never enters the incident record. Remove it and describe it instead.");
        this.kind = kind;
    }

    public SecretKind kind() {
        return kind;
    }
}
