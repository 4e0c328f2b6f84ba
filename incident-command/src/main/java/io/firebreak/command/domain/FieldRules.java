package io.firebreak.command.domain;

import io.firebreak.command.api.Person;
import io.firebreak.schemas.sensitive.PersonalData;
import io.firebreak.schemas.sensitive.PersonalDataFinding;
import io.firebreak.schemas.sensitive.SecretDetector;
import java.net.URI;
import java.util.List;

/** Checks on single command fields; each failure names the field. */
final class FieldRules {

    static final int MAX_TEXT = 10_000;
    static final int MAX_TITLE = 200;
    /** The public message and the customer e-mail's body: what a reader reads on the page or in the mail. */
    static final int MAX_PUBLIC_MESSAGE = 5_000;

    private FieldRules() {
    }

    static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "'" + field + "' is required");
        }
        return optional(field, value, maxLength);
    }

    /** A free-text field that may be absent; trimmed, length-checked and scanned for secrets. */
    static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidFieldException(field, "'" + field + "' is longer than " + maxLength + " characters");
        }
        SecretDetector.first(trimmed).ifPresent(finding -> {
            throw new SecretRejectedException(field, finding.kind());
        });
        return trimmed;
    }

    /**
     * Text customers read (status page, customer e-mail, a customer update's workaround), or null: as
     * {@link #optional}, and it carries no e-mail address or phone number either. Elsewhere personal data is
     * redacted on the way out (PersonalData's javadoc); public wording is written for the public, so it is refused.
     */
    static String publicText(String field, String value, int maxLength) {
        String text = optional(field, value, maxLength);
        if (text != null) {
            List<PersonalDataFinding> found = PersonalData.scan(text);
            if (!found.isEmpty()) {
                throw new InvalidFieldException(field, "'" + field + "' is read by customers and must not carry"
                        + " personal data (found: " + found.get(0).kind().description() + ")");
            }
        }
        return text;
    }

    static final int MAX_SERVICES = 50;

    static List<String> services(String field, List<String> services) {
        if (services == null) {
            return List.of();
        }
        if (services.size() > MAX_SERVICES) {
            throw new InvalidFieldException(field, "'" + field + "' lists more than " + MAX_SERVICES + " services");
        }
        for (int i = 0; i < services.size(); i++) {
            required(field + "[" + i + "]", services.get(i), 100);
        }
        return services.stream().map(String::strip).distinct().toList();
    }

    static Person person(String field, Person person) {
        if (person == null) {
            throw new InvalidFieldException(field, "'" + field + "' is required");
        }
        return new Person(required(field + ".id", person.id(), 200), required(field + ".name", person.name(), 200),
                optional(field + ".email", person.email(), 320), optional(field + ".slackUserId", person.slackUserId(), 50));
    }

    /** An absolute https link with a host (a call link people click from Slack and the CLI), or null. */
    static String httpsUrl(String field, String value) {
        String url = optional(field, value, 2_000);
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidFieldException(field, "'" + field + "' must be an absolute https URL");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "'" + field + "' must be an absolute https URL");
        }
        return url;
    }

    static String httpUrl(String field, String value) {
        String url = optional(field, value, 2_000);
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new InvalidFieldException(field, "'" + field + "' must be an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "'" + field + "' must be an http(s) URL");
        }
        return url;
    }
}
