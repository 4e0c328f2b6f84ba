package io.firebreak.schemas.sensitive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds payment card numbers, private keys, AWS-style access keys, JSON web tokens, bearer tokens and
 * credentials embedded in URLs. Part of the contract: free text in Firebreak events has passed this
 * detector, and every public surface runs it again as a safety net.
 */
public final class SecretDetector {

    // 13-19 digits, optionally grouped by single spaces or dashes; Luhn decides.
    private static final Pattern CARD = Pattern.compile("(?<![\\d.])\\d(?:[ -]?\\d){12,18}(?![\\d])");
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)");
    private static final Pattern AWS_ACCESS_KEY = Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}");
    private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9\\-._~+/]{12,}=*");
    private static final Pattern URL_CREDENTIALS = Pattern.compile(
            "(?i)\\b[a-z][a-z0-9+.-]*://[^\\s/?#@:]+:[^\\s/?#@]+@");

    private SecretDetector() {
    }

    /** Every secret in the text, in order of appearance, overlapping findings merged. */
    public static List<SecretFinding> scan(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<SecretFinding> findings = new ArrayList<>();
        addMatches(findings, PRIVATE_KEY, SecretKind.PRIVATE_KEY, text);
        addMatches(findings, JWT, SecretKind.JWT, text);
        addMatches(findings, BEARER, SecretKind.BEARER_TOKEN, text);
        addMatches(findings, URL_CREDENTIALS, SecretKind.URL_CREDENTIALS, text);
        addMatches(findings, AWS_ACCESS_KEY, SecretKind.AWS_ACCESS_KEY, text);
        Matcher cards = CARD.matcher(text);
        while (cards.find()) {
            if (luhnValid(cards.group())) {
                findings.add(new SecretFinding(SecretKind.CARD, cards.start(), cards.end()));
            }
        }
        findings.sort(Comparator.comparingInt(SecretFinding::start));
        return withoutOverlaps(findings);
    }

    /** The first secret in the text, if any. */
    public static Optional<SecretFinding> first(String text) {
        List<SecretFinding> findings = scan(text);
        return findings.isEmpty() ? Optional.empty() : Optional.of(findings.get(0));
    }

    /** The text with every secret replaced by {@code [REDACTED:<kind>]}. */
    public static String redact(String text) {
        List<SecretFinding> findings = scan(text);
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder redacted = new StringBuilder(text.length());
        int position = 0;
        for (SecretFinding finding : findings) {
            redacted.append(text, position, finding.start())
                    .append("[REDACTED:").append(finding.kind().code()).append(']');
            position = finding.end();
        }
        return redacted.append(text.substring(position)).toString();
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

    private static void addMatches(List<SecretFinding> findings, Pattern pattern, SecretKind kind, String text) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            findings.add(new SecretFinding(kind, matcher.start(), matcher.end()));
        }
    }

    private static List<SecretFinding> withoutOverlaps(List<SecretFinding> sorted) {
        List<SecretFinding> merged = new ArrayList<>();
        for (SecretFinding finding : sorted) {
            if (!merged.isEmpty() && finding.start() < merged.get(merged.size() - 1).end()) {
                SecretFinding last = merged.remove(merged.size() - 1);
                merged.add(new SecretFinding(last.kind(), last.start(), Math.max(last.end(), finding.end())));
            } else {
                merged.add(finding);
            }
        }
        return merged;
    }
}
