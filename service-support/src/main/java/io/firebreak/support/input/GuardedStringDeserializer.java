package io.firebreak.support.input;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Every string in every JSON request body passes {@link TextPolicy} as it is read, so no endpoint can forget to
 * check a field: refused (with the JSON path as the field) or, for {@link RedactSecrets} bodies, redacted
 * (whatever the nesting, maps and untyped values included).
 */
public final class GuardedStringDeserializer extends ValueDeserializer<String> {

    /** Reader attribute set by {@link GuardedJsonDecoder} for {@link RedactSecrets} bodies. */
    static final String REDACT = GuardedStringDeserializer.class.getName() + ".redact";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (Boolean.TRUE.equals(context.getAttribute(REDACT))) {
            return TextPolicy.redact(text);
        }
        return TextPolicy.accept(field(parser), text);
    }

    @Override
    public String getNullValue(DeserializationContext context) {
        return null;
    }

    static String field(JsonParser parser) {
        JsonPointer pointer = parser.streamReadContext().pathAsPointer();
        String path = pointer.toString();
        if (path.isEmpty()) {
            return "body";
        }
        StringBuilder field = new StringBuilder();
        for (String segment : path.substring(1).split("/")) {
            if (segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()) {
                field.append('[').append(segment).append(']');
            } else {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return field.toString();
    }
}
