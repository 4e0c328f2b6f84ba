package io.firebreak.statuspage.readmodel;

import io.firebreak.statuspage.domain.PublicText;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link PublicText#redact} for one refresh of the page's model, answering the texts the previous refresh redacted
 * from its results: a refresh follows every applied poll and re-reads every shown text, while the scanners' regular
 * expressions are what a refresh costs most. Holds only what the latest refresh read, so it never grows beyond the
 * page. Not thread-safe: the store's refresh is synchronized.
 */
final class RedactionMemo {

    private final Map<String, String> previous;
    private final Map<String, String> current = new HashMap<>();

    RedactionMemo(Map<String, String> previous) {
        this.previous = previous;
    }

    /** A memo for the next refresh, starting from what this one redacted. */
    RedactionMemo next() {
        return new RedactionMemo(current);
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        return current.computeIfAbsent(text, raw -> {
            String known = previous.get(raw);
            return known != null ? known : PublicText.redact(raw);
        });
    }
}
