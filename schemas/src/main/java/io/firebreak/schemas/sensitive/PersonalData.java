package io.firebreak.schemas.sensitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and redacts customers' e-mail addresses and phone numbers in free text. Unlike a secret, personal data
 * is not rejected: an incident may have to name a customer, but the text that leaves the incident (status
 * page, chat, exports) should not. Needs nothing beyond the JDK.
 *
 * <p>Every pattern runs in time linear in the text (see {@link PhoneNumbers} for how).
 */
public final class PersonalData {

    // The local part starts where its run starts, so a long run without an @ is read once, not once per
    // character. Not followed by ":path", which is git's scp-like syntax (git@github.com:acme/app.git), not mail.
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.([A-Za-z]{2,})(?![A-Za-z0-9-]|:\\S)");
    // systemd template units (postgresql@14-main.service) look like addresses; these are no top-level domains.
    private static final Set<String> SYSTEMD_UNIT_SUFFIXES = Set.of(
            "service", "socket", "timer", "target", "mount", "slice", "path", "device", "scope", "swap");

    private static final Redaction<PersonalDataFinding> REDACTION = new Redaction<>(PersonalDataFinding::start,
            PersonalDataFinding::end, finding -> finding.kind().code(),
            (finding, end) -> new PersonalDataFinding(finding.kind(), finding.start(), end));

    private PersonalData() {
    }

    /** Every e-mail address and phone number in the text, in order of appearance, overlaps merged. */
    public static List<PersonalDataFinding> scan(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<PersonalDataFinding> findings = new ArrayList<>();
        Matcher emails = EMAIL.matcher(text);
        while (emails.find()) {
            if (!SYSTEMD_UNIT_SUFFIXES.contains(emails.group(1).toLowerCase(Locale.ROOT))) {
                findings.add(new PersonalDataFinding(PersonalDataKind.EMAIL, emails.start(), emails.end()));
            }
        }
        PhoneNumbers.find(text, findings);
        return REDACTION.merged(findings);
    }

    /** Whether the text holds any e-mail address or phone number. */
    public static boolean contains(String text) {
        return !scan(text).isEmpty();
    }

    /**
     * The text with every e-mail address and phone number replaced by {@code [REDACTED:email]} or
     * {@code [REDACTED:phone]}.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return REDACTION.apply(text, scan(text));
    }
}
