package io.firebreak.command.domain;

import io.firebreak.command.api.Person;
import io.firebreak.schemas.sensitive.SecretDetector;
import java.net.URI;
import java.util.List;

/** Checks on single command fields; each failure names the field. */
final class FieldRules {

    static final int MAX_TEXT = 10_000;
    static final int MAX_TITLE = 200;

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
