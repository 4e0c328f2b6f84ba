package io.firebreak.debrief.web;

import io.firebreak.support.problem.ApiProblem;

/**
 * Identifiers from paths and query strings, checked before they reach SQL: PostgreSQL refuses a NUL in a text
 * parameter (a 500 before this check), and no id Firebreak issues is long or holds a control character.
 */
final class Ids {

    static final int MAX_LENGTH = 200;

    private Ids() {
    }

    /** {@code value} unchanged (null stays null), or a 400 naming {@code field}. */
    static String checked(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw ApiProblem.badRequest(field, "'" + field + "' is not a valid id");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw ApiProblem.badRequest(field, "'" + field + "' is not a valid id");
            }
        }
        return value;
    }
}
