package io.firebreak.command.web.integrations;

import io.firebreak.command.application.Sha256;
import io.firebreak.support.input.TextPolicy;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * A dedup identity from monitoring (Alertmanager {@code groupKey}, webhook {@code dedupKey}, PagerDuty
 * {@code dedup_key}). Monitoring is never refused, and a key may happen to hold something secret-looking (a label
 * value, a URL with credentials): the key is kept only as a digest of what was sent ({@code identity}, so the same
 * key still finds its alert group and two different secrets do not collide) and as redacted text ({@code text},
 * what is stored, shown and echoed). The raw value is dropped as it is read.
 *
 * @param identity SHA-256 (hex) of the key as sent, control characters dropped (as the redacting decoder did
 *                 before, so alert groups stored earlier keep their hash)
 * @param text     the key redacted, for storage and display
 * @param length   the length of the key as sent (limits apply to what was sent, not to the longer redaction)
 */
@JsonDeserialize(using = MonitoringKey.Deserializer.class)
public record MonitoringKey(String identity, String text, int length) {

    public static MonitoringKey of(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(raw.length());
        raw.chars().filter(c -> !((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F))
                .forEach(c -> kept.append((char) c));
        return new MonitoringKey(Sha256.hex(kept.toString()), TextPolicy.redact(raw), raw.length());
    }

    public boolean isBlank() {
        return text.isBlank();
    }

    @Override
    public String toString() {
        return text;
    }

    /** Reads the JSON string itself, so the raw value reaches the digest and nothing else. */
    static final class Deserializer extends ValueDeserializer<MonitoringKey> {

        @Override
        public MonitoringKey deserialize(JsonParser parser, DeserializationContext context) {
            return of(StringDeserializer.instance.deserialize(parser, context));
        }
    }
}
