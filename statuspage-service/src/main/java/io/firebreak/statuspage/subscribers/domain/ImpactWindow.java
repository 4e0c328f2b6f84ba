package io.firebreak.statuspage.subscribers.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** "since 14:02 UTC" while open, "from 14:02 to 14:47 UTC" once resolved; dates shown when they differ. */
public final class ImpactWindow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ImpactWindow() {
    }

    public static String describe(Instant start, Instant end, Instant now) {
        if (end == null) {
            return "since " + (sameDay(start, now) ? TIME : DATE_TIME).format(start) + " UTC";
        }
        if (sameDay(start, end)) {
            return "from " + (sameDay(start, now) ? TIME : DATE_TIME).format(start) + " to " + TIME.format(end)
                    + " UTC";
        }
        return "from " + DATE_TIME.format(start) + " to " + DATE_TIME.format(end) + " UTC";
    }

    private static boolean sameDay(Instant a, Instant b) {
        return a.atZone(ZoneOffset.UTC).toLocalDate().equals(b.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
