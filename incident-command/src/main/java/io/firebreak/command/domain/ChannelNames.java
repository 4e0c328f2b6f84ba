package io.firebreak.command.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Channel names of the form {@code inc-<yyyy-mm-dd>-<slug of the title>}, or {@code drill-<yyyy-mm-dd>-<slug>} for a
 * drill, so nobody mistakes a drill's channel for a real incident's: [a-z0-9-], at most 80 characters.
 */
public final class ChannelNames {

    public static final int MAX_LENGTH = 80;

    private ChannelNames() {
    }

    public static String forTitle(LocalDate day, String title) {
        return forTitle(day, title, false);
    }

    public static String forTitle(LocalDate day, String title, boolean drill) {
        String prefix = (drill ? "drill-" : "inc-") + day;
        String slug = slug(title);
        String name = slug.isEmpty() ? prefix : prefix + "-" + slug;
        return trim(name, MAX_LENGTH);
    }

    /** The n-th alternative (n ≥ 2) when a name is taken: a numbered suffix, still within 80 characters. */
    public static String numbered(String name, int n) {
        String suffix = "-" + n;
        return trim(name, MAX_LENGTH - suffix.length()) + suffix;
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
    }

    private static String trim(String name, int max) {
        String trimmed = name.length() <= max ? name : name.substring(0, max);
        return trimmed.replaceAll("-+$", "");
    }
}
