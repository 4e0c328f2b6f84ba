package io.firebreak.command.web.integrations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * A time from monitoring, read leniently: the shared input policy refuses times outside 2000..2199 (422), but
 * monitoring is never refused, and Alertmanager itself sends {@code 0001-01-01T00:00:00Z} as the {@code endsAt} of
 * every firing alert. A time outside those bounds, or one that does not parse, is read as absent (the ingestion
 * then keeps the start it first saw, or the time of receipt).
 */
public final class MonitoringTime extends ValueDeserializer<Instant> {

    private static final Instant EARLIEST = LocalDate.of(2000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LATEST = LocalDate.of(2200, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        return parse(StringDeserializer.instance.deserialize(parser, context));
    }

    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant value;
        try {
            value = OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                value = Instant.parse(text.strip());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
        return value.isBefore(EARLIEST) || !value.isBefore(LATEST) ? null : value;
    }
}
