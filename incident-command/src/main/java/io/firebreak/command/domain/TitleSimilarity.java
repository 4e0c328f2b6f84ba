package io.firebreak.command.domain;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * When two incident titles say the same thing, for the duplicate check at declaration: the Jaccard index of their
 * word sets (|A ∩ B| / |A ∪ B|) is at least the threshold (default 0.5). Words are lower-cased, accents dropped,
 * split on anything that is not a letter or digit; a few filler words ("is", "the", "on", ...) do not count.
 * "Checkout p99 elevated" and "Checkout latency elevated" share 2 of 4 words (0.5): alike; "Checkout down" and
 * "Checkout p99 elevated" share 1 of 4: not. Plain Java rather than pg_trgm, so the rule is the same on every
 * PostgreSQL and can be tested without one.
 */
public final class TitleSimilarity {

    private static final Set<String> FILLER = Set.of("a", "an", "the", "is", "are", "was", "be", "been", "of", "on",
            "in", "at", "to", "for", "and", "or", "with", "by", "from", "it", "its", "not");

    private final double threshold;

    public TitleSimilarity(double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("title similarity threshold must be in (0, 1]");
        }
        this.threshold = threshold;
    }

    public static TitleSimilarity defaults() {
        return new TitleSimilarity(0.5);
    }

    public boolean alike(String a, String b) {
        return similarity(a, b) >= threshold;
    }

    public static double similarity(String a, String b) {
        Set<String> left = words(a);
        Set<String> right = words(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(left);
        union.addAll(right);
        left.retainAll(right);
        return (double) left.size() / union.size();
    }

    static Set<String> words(String title) {
        Set<String> words = new HashSet<>();
        if (title == null) {
            return words;
        }
        String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !FILLER.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }
}
