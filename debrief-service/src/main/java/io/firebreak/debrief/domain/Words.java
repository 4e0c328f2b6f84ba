package io.firebreak.debrief.domain;

import java.util.Locale;

/** Constants as people read them: {@code INCIDENT_LEAD} → "Incident lead". */
public final class Words {

    private Words() {
    }

    public static String of(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
