package io.firebreak.command.web;

import io.firebreak.support.problem.ApiProblem;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum values from JSON text or query parameters: case-insensitive; unknown values are a 400. */
public final class EnumParameters {

    private EnumParameters() {
    }

    public static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalised)) {
                return constant;
            }
        }
        throw ApiProblem.badRequest(field, "'" + field + "' must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }
}
