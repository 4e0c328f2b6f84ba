package io.firebreak.support.input;

import io.firebreak.schemas.sensitive.SecretDetector;
import io.firebreak.support.problem.ApiProblem;

/**
 * What text may enter Firebreak through an API: no credential or card number (refused, 422 naming the field and
 * the kind, never echoing the value) and no control character but tab, newline and carriage return (PostgreSQL
 * cannot store NUL, so an accepted NUL would poison every consumer), nor text made only of zero-width or
 * bidi-control characters. Monitoring input is redacted instead: a refused alert is a lost page.
 */
public final class TextPolicy {

    private TextPolicy() {
    }

    /** The text unchanged, or a refusal naming {@code field}. */
    public static String accept(String field, String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isForbiddenControl(c)) {
                throw ApiProblem.invalid(field, "'" + field + "' contains a control character (U+"
                        + String.format("%04X", (int) c) + ")");
            }
        }
        if (onlyInvisible(text)) {
            throw ApiProblem.invalid(field, "'" + field + "' has no visible characters");
        }
        SecretDetector.first(text).ifPresent(finding -> {
            throw ApiProblem.secret(field, finding.kind());
        });
        return text;
    }

    /** Monitoring text: secrets redacted, control characters dropped. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isForbiddenControl(c)) {
                kept.append(c);
            }
        }
        return SecretDetector.redact(kept.toString());
    }

    /** Zero-width and bidi-control characters with nothing visible beside them: a title nobody can read. */
    static boolean onlyInvisible(String text) {
        boolean format = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.FORMAT) {
                format = true;
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return format;
    }

    static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
}
