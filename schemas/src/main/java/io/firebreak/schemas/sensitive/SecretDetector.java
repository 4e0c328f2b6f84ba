package io.firebreak.schemas.sensitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds payment card numbers, private keys, cloud and SaaS tokens (AWS, GitHub, GitLab, Slack, Stripe,
 * Google), JSON web tokens, bearer tokens, credentials embedded in URLs and labelled passwords. Part of the
 * contract: free text in Firebreak events has passed this detector, and every public surface runs it again as a
 * safety net.
 *
 * <p>Every pattern runs in time linear in the text: a pattern that can scan far either starts only where a run
 * of its characters starts (a lookbehind), or is bounded, so no input makes the scan quadratic or worse.
 */
public final class SecretDetector {

    // 13-19 digits, optionally grouped by single spaces or dashes; Luhn decides. Not inside a word or a dashed
    // token: digit runs inside UUIDs and hex ids ("a519ce69-1735-4697-962d-…") pass Luhn one time in ten.
    private static final Pattern CARD = Pattern.compile("(?<![\\w.-])\\d(?:[ -]?\\d){12,18}(?![\\w-])");
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)");
    private static final Pattern AWS_ACCESS_KEY = Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])");
    private static final Pattern JWT = Pattern.compile(
            "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}");
    private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9\\-._~+/]{12,}=*");
    // The scheme starts where its run starts, so a long "a.a.a.a" is read once, not once per letter.
    private static final Pattern URL_CREDENTIALS = Pattern.compile(
            "(?i)(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://[^\\s/?#@:]+:[^\\s/?#@]+@");
    // Bot, user, app-level and refresh tokens all carry a numeric team or app part after the prefix; requiring it
    // keeps placeholders such as xoxb-your-token-here out.
    private static final Pattern SLACK_TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9-])(?:xox[abeprs]|xapp)-\\d+-[A-Za-z0-9-]{8,}");
    // The path after /services/ (team, channel, secret) is the credential: whoever has it can post.
    private static final Pattern SLACK_WEBHOOK = Pattern.compile(
            "(?i)https?://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/-]{8,}");
    private static final Pattern GITHUB_TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})");
    // Newer GitLab tokens append dot-separated routing parts; they are part of the token.
    private static final Pattern GITLAB_TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}(?:\\.[A-Za-z0-9_-]+)*");
    // Secret and restricted live keys only: publishable keys (pk_live_) are public by design, and test-mode keys
    // move no money.
    private static final Pattern STRIPE_KEY = Pattern.compile("(?<![A-Za-z0-9])[sr]k_live_[A-Za-z0-9]{10,}");
    private static final Pattern GOOGLE_API_KEY = Pattern.compile(
            "(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])");

    private static final Redaction<SecretFinding> REDACTION = new Redaction<>(SecretFinding::start,
            SecretFinding::end, finding -> finding.kind().code(),
            (finding, end) -> new SecretFinding(finding.kind(), finding.start(), end));

    private SecretDetector() {
    }

    /** Every secret in the text, in order of appearance, overlapping findings merged. */
    public static List<SecretFinding> scan(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        // Specific shapes before the generic labelled password: when both start at the same place (token=ghp_…)
        // the merged finding keeps the specific kind.
        List<SecretFinding> findings = new ArrayList<>();
        // Each pattern runs only when the text has what every match of it must contain ({@link Shape}): most free
        // text in a command ("looking into it", "fixing") then costs one pass over its characters, not 14 regexes.
        Shape shape = Shape.of(text);
        addMatches(findings, PRIVATE_KEY, SecretKind.PRIVATE_KEY, text, text.contains("-----BEGIN "));
        addMatches(findings, JWT, SecretKind.JWT, text, text.contains("eyJ"));
        addMatches(findings, BEARER, SecretKind.BEARER_TOKEN, text, containsIgnoringCase(text, "bearer"));
        addMatches(findings, SLACK_WEBHOOK, SecretKind.SLACK_WEBHOOK, text,
                containsIgnoringCase(text, "hooks.slack.com/"));
        addMatches(findings, URL_CREDENTIALS, SecretKind.URL_CREDENTIALS, text, text.contains("://"));
        addMatches(findings, AWS_ACCESS_KEY, SecretKind.AWS_ACCESS_KEY, text, shape.longestUpperOrDigitRun >= 20);
        addMatches(findings, SLACK_TOKEN, SecretKind.SLACK_TOKEN, text, text.contains("xox") || text.contains("xapp-"));
        addMatches(findings, GITHUB_TOKEN, SecretKind.GITHUB_TOKEN, text, shape.underscore);
        addMatches(findings, GITLAB_TOKEN, SecretKind.GITLAB_TOKEN, text, text.contains("glpat-"));
        addMatches(findings, STRIPE_KEY, SecretKind.STRIPE_KEY, text, text.contains("k_live_"));
        addMatches(findings, GOOGLE_API_KEY, SecretKind.GOOGLE_API_KEY, text, text.contains("AIza"));
        if (shape.digits >= 13) {
            Matcher cards = CARD.matcher(text);
            while (cards.find()) {
                if (luhnValid(cards.group())) {
                    findings.add(new SecretFinding(SecretKind.CARD, cards.start(), cards.end()));
                }
            }
        }
        if (shape.colonOrEquals) {
            // every labelled credential has a ':' or '=' between label and value (and jdbc:oracle: has ':')
            CredentialAssignments.find(text, findings);
        }
        return REDACTION.merged(findings);
    }

    /** The first secret in the text, if any. */
    public static Optional<SecretFinding> first(String text) {
        List<SecretFinding> findings = scan(text);
        return findings.isEmpty() ? Optional.empty() : Optional.of(findings.get(0));
    }

    /**
     * The text with every secret replaced by {@code [REDACTED:<kind>]}. A labelled password keeps its label
     * ({@code password=[REDACTED:password]}). Redacted text scans clean, so redacting twice changes nothing.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return REDACTION.apply(text, scan(text));
    }

    static boolean luhnValid(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        if (digits.length() < 13 || digits.length() > 19 || digits.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /**
     * Whether {@code word} (lower-case ASCII) occurs in {@code text} in any case; the patterns that use it are
     * {@code (?i)} without Unicode case, so ASCII case is all that can differ.
     */
    static boolean containsIgnoringCase(String text, String word) {
        for (int i = 0, last = text.length() - word.length(); i <= last; i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /** What one pass over the text tells: its digits, its longest run of A-Z and 0-9, and two separators. */
    private static final class Shape {
        int digits;
        int longestUpperOrDigitRun;
        boolean underscore;
        boolean colonOrEquals;

        static Shape of(String text) {
            Shape shape = new Shape();
            int run = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean digit = c >= '0' && c <= '9';
                if (digit) {
                    shape.digits++;
                }
                run = digit || (c >= 'A' && c <= 'Z') ? run + 1 : 0;
                shape.longestUpperOrDigitRun = Math.max(shape.longestUpperOrDigitRun, run);
                shape.underscore |= c == '_';
                shape.colonOrEquals |= c == ':' || c == '=';
            }
            return shape;
        }
    }

    private static void addMatches(List<SecretFinding> findings, Pattern pattern, SecretKind kind, String text,
            boolean possible) {
        if (!possible) {
            return;
        }
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            findings.add(new SecretFinding(kind, matcher.start(), matcher.end()));
        }
    }
}
