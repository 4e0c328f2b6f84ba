package io.firebreak.schemas.sensitive;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials by their label rather than their shape: {@code password=...}, {@code "api_key": "..."},
 * {@code ;Pwd=...;} in a connection string, {@code aws_secret_access_key = ...}. A finding covers the value
 * only, so redaction keeps the label ({@code password=[REDACTED:password]}) and the reader still knows what
 * was there.
 */
final class CredentialAssignments {

    // The label may end a longer name (DB_PASSWORD, spring.datasource.password, x-api-key, client_secret), so
    // only a letter or digit before it disqualifies. The optional quote closes a JSON or YAML key.
    private static final String LABEL = "(?i)(?<![A-Za-z0-9])(?:passwords?|passwd|passphrase|pwd"
            + "|secret(?:[ _-]?access)?(?:[ _-]?key)?|api[ _-]?key|token)[\"']?";
    // => (Ruby, PHP), := (Go), then the usual = and :. Tabs and spaces only: a label at the end of one line
    // must not take the next line as its value.
    private static final String SEPARATOR = "[ \\t]*(?<separator>=>|:=|[:=])(?<gap>[ \\t]*)";
    // A quoted value runs to its closing quote (it may hold spaces); an unquoted one is a run of non-space
    // characters that stops at & and ; because those end a value in a query string and in a JDBC or ADO
    // connection string. An opening quote that is never closed still gets its value found.
    private static final String VALUE = "(?:\"(?<double>[^\"\\r\\n]+)\"|'(?<single>[^'\\r\\n]+)'"
            + "|[\"']?(?<bare>[^\\s\"'&;=][^\\s\"'&;]*))";
    private static final Pattern ASSIGNMENT = Pattern.compile(LABEL + SEPARATOR + VALUE);

    // AWS secret access keys are 40 characters of base64 and look like nothing in particular; only the label
    // tells them apart, so the label must say AWS or "secret access key".
    private static final Pattern AWS_SECRET = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])(?:aws[ _-]?secret(?:[ _-]?access)?[ _-]?key|secret[ _-]?access[ _-]?key)[\"']?"
                    + "[ \\t]*(?:=>|:=|[:=])[ \\t]*[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])");

    // HTTP basic credentials are base64 of user:password.
    private static final Pattern BASIC_AUTH = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])authorization[\"']?[ \\t]*[:=][ \\t]*[\"']?basic[ \\t]+([A-Za-z0-9+/]{4,}={0,2})");

    // jdbc:oracle:thin:scott/tiger@host puts user/password before the @ without a "://". Bounded so that a
    // long run without an @ costs a constant per attempt.
    private static final Pattern ORACLE_JDBC = Pattern.compile(
            "(?i)jdbc:oracle:[a-z0-9]+:[^\\s/@:]{1,128}/([^\\s@/]{1,256})@");

    // Values that stand for a secret without being one: placeholders (${DB_PASSWORD}, {{ vault }}, <token>, and
    // $DB_PASSWORD in upper case only, so that a password such as $ecret99 still counts), masks, already-redacted
    // text (the status page scans text that alert intake has redacted before, and must not withhold it), and
    // switches such as require_password=true.
    private static final Pattern NOT_A_SECRET = Pattern.compile(
            "(?i)\\[REDACTED.*|\\$\\{.*|\\{\\{.*|<.*|%\\(.*|(?-i:\\$[A-Z_][A-Z0-9_]*)|[*x•]+|true|false|null|none|nil"
                    + "|undefined|n/a");
    // In prose, "Password: reset flow broken" is a heading, not a credential. After "label: " a plain word (or a
    // status code) counts as prose when the sentence goes on or is punctuated; a bare word ending the line is
    // still taken as a value, so "password: letmein" is caught.
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:[-'’]\\p{L}+)*|\\d{1,3}");
    // Closing punctuation after an unquoted value belongs to the sentence or the structure around it
    // (Creds[user=bob, password=hunter2], {password=hunter2, user=bob}); leaving it keeps redacted text readable.
    // The price: a password that really ends in one of these shows that last character.
    private static final String CLOSING_PUNCTUATION = ".,;:!?)]}>";

    private CredentialAssignments() {
    }

    /** Adds every labelled credential to {@code findings}; AWS secret keys first, so they keep their own kind. */
    static void find(String text, List<SecretFinding> findings) {
        addGroup(findings, AWS_SECRET, SecretKind.AWS_SECRET_KEY, text);
        addGroup(findings, BASIC_AUTH, SecretKind.PASSWORD, text);
        addGroup(findings, ORACLE_JDBC, SecretKind.PASSWORD, text);
        Matcher matcher = ASSIGNMENT.matcher(text);
        while (matcher.find()) {
            String group = matcher.start("double") >= 0 ? "double" : matcher.start("single") >= 0 ? "single" : "bare";
            if (NOT_A_SECRET.matcher(matcher.group(group)).matches()) {
                continue;
            }
            int start = matcher.start(group);
            int end = matcher.end(group);
            if ("bare".equals(group)) {
                boolean proseShape = ":".equals(matcher.group("separator")) && !matcher.group("gap").isEmpty();
                if (proseShape && readsAsProse(text, start, end)) {
                    continue;
                }
                end = withoutClosingPunctuation(text, start, end);
            }
            findings.add(new SecretFinding(SecretKind.PASSWORD, start, end));
        }
    }

    private static boolean readsAsProse(String text, int start, int end) {
        int coreStart = start;
        int coreEnd = end;
        while (coreStart < coreEnd && !Character.isLetterOrDigit(text.charAt(coreStart))) {
            coreStart++;
        }
        while (coreEnd > coreStart && !Character.isLetterOrDigit(text.charAt(coreEnd - 1))) {
            coreEnd--;
        }
        if (coreStart == coreEnd || !WORD.matcher(text.subSequence(coreStart, coreEnd)).matches()) {
            return false;
        }
        return coreEnd < end || lineGoesOn(text, end);
    }

    private static int withoutClosingPunctuation(String text, int start, int end) {
        int trimmed = end;
        while (trimmed - start > 1 && CLOSING_PUNCTUATION.indexOf(text.charAt(trimmed - 1)) >= 0) {
            trimmed--;
        }
        return trimmed;
    }

    private static boolean lineGoesOn(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r';
    }

    private static void addGroup(List<SecretFinding> findings, Pattern pattern, SecretKind kind, String text) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (!NOT_A_SECRET.matcher(matcher.group(1)).matches()) {
                findings.add(new SecretFinding(kind, matcher.start(1), matcher.end(1)));
            }
        }
    }
}
