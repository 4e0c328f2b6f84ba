package io.firebreak.statuspage.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A customer update's answers as one readable text, the way a status page shows it. */
public final class UpdateText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC' 'on' d MMM", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private UpdateText() {
    }

    public static String body(String whatIsHappening, String whoIsAffected, String whatWeAreDoing, String whatYouCanDo,
            Instant nextUpdateAt) {
        StringBuilder body = new StringBuilder(whatIsHappening.strip());
        if (whoIsAffected != null && !whoIsAffected.isBlank()) {
            body.append("\n\nWho is affected: ").append(whoIsAffected.strip());
        }
        if (whatWeAreDoing != null && !whatWeAreDoing.isBlank()) {
            body.append("\n\nWhat we are doing: ").append(whatWeAreDoing.strip());
        }
        if (whatYouCanDo != null && !whatYouCanDo.isBlank()) {
            body.append("\n\nWhat you can do: ").append(whatYouCanDo.strip());
        }
        if (nextUpdateAt != null) {
            body.append("\n\nNext update by ").append(TIME.format(nextUpdateAt)).append('.');
        }
        return body.toString();
    }

    public static String investigating(String components) {
        return "We are investigating an issue affecting " + components
                + ". We will post an update as soon as we know more.";
    }

    /**
     * The resolved entry with the impact window, from when customers were first affected to the resolution, in UTC;
     * with the dates when the window spans more than one day.
     */
    public static String resolved(Instant impactStart, Instant resolvedAt) {
        String resolved = "This incident has been resolved.";
        if (impactStart == null || resolvedAt == null || resolvedAt.isBefore(impactStart)) {
            return resolved;
        }
        boolean sameDay = LocalDate.ofInstant(impactStart, ZoneOffset.UTC)
                .equals(LocalDate.ofInstant(resolvedAt, ZoneOffset.UTC));
        DateTimeFormatter format = sameDay ? CLOCK : DAY_AND_CLOCK;
        return resolved + " Customers were affected from " + format.format(impactStart) + " to "
                + format.format(resolvedAt) + " UTC.";
    }

    public static String reopened() {
        return "The issue has returned and we are investigating again.";
    }
}
