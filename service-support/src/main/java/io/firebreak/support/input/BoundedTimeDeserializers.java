package io.firebreak.support.input;

import io.firebreak.support.problem.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Times and dates in request bodies within sane bounds: {@code +300000-01-01T00:00:00Z} parses, but no column,
 * timer or Kafka timestamp can hold it, so it is refused (422 naming the field) before anything is stored.
 */
final class BoundedTimeDeserializers {

    private BoundedTimeDeserializers() {
    }

    static final class Instants extends ValueDeserializer<Instant> {

        private final LocalDate earliest;
        private final LocalDate latest;

        Instants(LocalDate earliest, LocalDate latest) {
            this.earliest = earliest;
            this.latest = latest;
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            boolean monitoring = Boolean.TRUE.equals(context.getAttribute(GuardedStringDeserializer.REDACT));
            if (!monitoring) {
                requireText(parser, "a time such as 2026-11-25T14:02:00Z");
            }
            Instant value = InstantDeserializer.INSTANT.deserialize(parser, context);
            if (value != null && (value.isBefore(earliest.atStartOfDay(ZoneOffset.UTC).toInstant())
                    || !value.isBefore(latest.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))) {
                if (monitoring) {
                    // Alertmanager sends 0001-01-01T00:00:00Z for "not set": monitoring is read, never refused
                    return null;
                }
                throw outOfBounds(parser, earliest, latest);
            }
            return value;
        }
    }

    static final class Dates extends ValueDeserializer<LocalDate> {

        private final LocalDate earliest;
        private final LocalDate latest;

        Dates(LocalDate earliest, LocalDate latest) {
            this.earliest = earliest;
            this.latest = latest;
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            requireText(parser, "a date such as 2026-12-01");
            LocalDate value;
            try {
                value = LocalDate.parse(parser.getString(), java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (java.time.format.DateTimeParseException e) {
                String field = GuardedStringDeserializer.field(parser);
                throw ApiProblem.invalid(field, "'" + field + "' must be a date such as 2026-12-01");
            }
            if (value != null && (value.isBefore(earliest) || value.isAfter(latest))) {
                throw outOfBounds(parser, earliest, latest);
            }
            return value;
        }
    }

    /** Only the ISO text form: arrays, epoch numbers and empty strings are not times a person meant. */
    private static void requireText(JsonParser parser, String example) {
        if (!parser.hasToken(tools.jackson.core.JsonToken.VALUE_STRING) || parser.getString().isBlank()) {
            String field = GuardedStringDeserializer.field(parser);
            throw ApiProblem.invalid(field, "'" + field + "' must be " + example);
        }
    }

    private static ApiProblem outOfBounds(JsonParser parser, LocalDate earliest, LocalDate latest) {
        String field = GuardedStringDeserializer.field(parser);
        return ApiProblem.invalid(field, "'" + field + "' must lie between " + earliest + " and " + latest);
    }
}
