package io.firebreak.statuspage.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A customer update's four answers as one readable text, the way a status page shows it. */
public final class UpdateText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC' 'on' d MMM")
            .withZone(ZoneOffset.UTC);

    private UpdateText() {
    }

    public static String body(String whatIsHappening, String whoIsAffected, String whatWeAreDoing, Instant nextUpdateAt) {
        StringBuilder body = new StringBuilder(whatIsHappening.strip());
        if (whoIsAffected != null && !whoIsAffected.isBlank()) {
            body.append("\n\nWho is affected: ").append(whoIsAffected.strip());
        }
        if (whatWeAreDoing != null && !whatWeAreDoing.isBlank()) {
            body.append("\n\nWhat we are doing: ").append(whatWeAreDoing.strip());
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

    public static String resolved() {
        return "This incident has been resolved.";
    }

    public static String reopened() {
        return "The issue has returned and we are investigating again.";
    }
}
