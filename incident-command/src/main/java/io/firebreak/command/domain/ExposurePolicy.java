package io.firebreak.command.domain;

import io.firebreak.command.api.ExposureKind;
import io.firebreak.command.api.IncidentType;
import io.firebreak.command.api.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a suspected exposure does to a declaration (issue 16, item 11). Any exposure makes the incident a SECURITY
 * incident; card data, credentials or keys make it Critical at least, because docs/process.md#severities makes an
 * incident Critical when "sensitive data (card details, credentials, keys) may be exposed". Each change to what the
 * declarer asked for comes with a DECISION note that says why, so the channel and the debrief see it.
 */
final class ExposurePolicy {

    /** The declaration as the policy leaves it, and the notes explaining what it changed. */
    record Outcome(IncidentType type, Severity severity, List<ExposureKind> exposure, List<String> notes) {
    }

    private ExposurePolicy() {
    }

    /** {@code type} null means not given (ENGINEERING). {@code severity} is never null here. */
    static Outcome apply(IncidentType type, Severity severity, List<ExposureKind> suspected) {
        IncidentType asked = type == null ? IncidentType.ENGINEERING : type;
        if (suspected == null || suspected.isEmpty()) {
            return new Outcome(asked, severity, List.of(), List.of());
        }
        Set<ExposureKind> set = EnumSet.noneOf(ExposureKind.class);
        for (ExposureKind kind : suspected) {
            if (kind == null) {
                throw new InvalidFieldException("suspectedExposure", "'suspectedExposure' lists an empty value");
            }
            set.add(kind);
        }
        List<ExposureKind> exposure = List.copyOf(set);
        List<String> notes = new ArrayList<>();
        List<ExposureKind> critical = exposure.stream().filter(ExposureKind::makesCritical).toList();
        Severity decided = severity;
        if (!critical.isEmpty() && severity != Severity.CRITICAL) {
            decided = Severity.CRITICAL;
            notes.add("Declared CRITICAL instead of " + severity + ": suspected exposure of " + words(critical)
                    + ". Sensitive data (card details, credentials, keys) that may be exposed makes an incident"
                    + " Critical at least (docs/process.md#severities).");
        }
        // ENGINEERING is what a declaration says when nobody chose a type: only a type someone chose is worth a note
        if (asked != IncidentType.SECURITY && asked != IncidentType.ENGINEERING) {
            notes.add("Declared a SECURITY incident instead of " + asked + ": suspected exposure of " + words(exposure)
                    + " makes it a security incident (docs/process.md#security-incidents).");
        }
        return new Outcome(IncidentType.SECURITY, decided, exposure, notes);
    }

    private static String words(List<ExposureKind> kinds) {
        List<String> words = kinds.stream().map(ExposureKind::words).toList();
        if (words.size() == 1) {
            return words.get(0);
        }
        return words.subList(0, words.size() - 1).stream().collect(Collectors.joining(", ")) + " and "
                + words.get(words.size() - 1);
    }
}
