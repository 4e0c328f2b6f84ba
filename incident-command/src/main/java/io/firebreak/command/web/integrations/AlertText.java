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

    /**
     * A link from monitoring: kept only if it is an http(s) URL with a host (redacted and bounded), otherwise
     * dropped. The alert itself is never refused for it; a {@code javascript:} link is simply not kept.
     */
    static String url(String text, int maxLength) {
        String cleaned = clean(text, maxLength);
        if (cleaned == null || cleaned.endsWith("…")) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(cleaned);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.getHost().isBlank()) {
                return null;
            }
            return cleaned;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** At most this many labels are kept from one alert; the rest are dropped, never refused. */
    static final int MAX_LABELS = 100;

    static Map<String, String> labels(Map<String, ?> labels) {
        Map<String, String> cleaned = new TreeMap<>();
        if (labels != null) {
            labels.forEach((name, value) -> {
                String cleanName = clean(name, 200);
                if (cleanName != null && (cleaned.size() < MAX_LABELS || cleaned.containsKey(cleanName))) {
                    String cleanValue = value == null ? null : clean(String.valueOf(value), 2_000);
                    cleaned.put(cleanName, cleanValue == null ? "" : cleanValue);
                }
            });
        }
        return cleaned;
    }
}
