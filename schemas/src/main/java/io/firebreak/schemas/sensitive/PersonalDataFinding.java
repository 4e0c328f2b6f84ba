package io.firebreak.schemas.sensitive;

/**
 * Where personal data was found in a text. Holds no copy of it, so that it can be logged and returned in errors
 * safely.
 */
public record PersonalDataFinding(PersonalDataKind kind, int start, int end) {
}
