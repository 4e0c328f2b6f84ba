package io.firebreak.command.web.integrations;

import io.firebreak.schemas.sensitive.SecretDetector;
import java.util.Map;
import java.util.TreeMap;

/** Free text from monitoring: never rejected (it cannot be fixed at the source), always redacted and bounded. */
final class AlertText {

    private AlertText() {
    }

    static String clean(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String redacted = SecretDetector.redact(text.strip());
        return redacted.length() <= maxLength ? redacted : redacted.substring(0, maxLength - 1) + "…";
    }

    static Map<String, String> labels(Map<String, ?> labels) {
        Map<String, String> cleaned = new TreeMap<>();
        if (labels != null) {
            labels.forEach((name, value) -> {
                String cleanName = clean(name, 200);
                if (cleanName != null) {
                    cleaned.put(cleanName, value == null ? "" : String.valueOf(clean(String.valueOf(value), 2_000)));
                }
            });
        }
        return cleaned;
    }
}
