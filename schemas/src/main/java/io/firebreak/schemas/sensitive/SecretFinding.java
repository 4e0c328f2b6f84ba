package io.firebreak.schemas.sensitive;

/**
 * Where a secret was found in a text. Deliberately holds no copy of the secret, so that it can be logged
 * and returned in errors safely.
 */
public record SecretFinding(SecretKind kind, int start, int end) {
}
