package io.firebreak.command.web;

import io.firebreak.support.problem.ApiProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Enum values from JSON text or query parameters: case-insensitive, {@code -} or a space for {@code _} (so
 * {@code card-data} is {@code CARD_DATA}); unknown values are a 400. Answers always spell the enum's names.
 */
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

    /** Every element of a JSON array of enum values; an absent list is empty, a blank element a 400 naming it. */
    public static <E extends Enum<E>> List<E> parseAll(String field, List<String> values, Class<E> type) {
        List<E> parsed = new ArrayList<>();
        if (values == null) {
            return parsed;
        }
        for (int i = 0; i < values.size(); i++) {
            String element = field + "[" + i + "]";
            E value = parse(element, values.get(i), type);
            if (value == null) {
                throw ApiProblem.badRequest(element, "'" + element + "' must be one of " + Arrays.stream(
                        type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
            }
            parsed.add(value);
        }
        return parsed;
    }
}
