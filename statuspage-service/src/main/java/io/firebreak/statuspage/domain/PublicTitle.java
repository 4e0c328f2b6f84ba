package io.firebreak.statuspage.domain;

import java.util.List;

/**
 * The default public title of an incident, from the public names of the components it affects and generic
 * wording for its severity ("Checkout is degraded", "Checkout and Payments are experiencing a partial outage").
 * The internal title is written for responders ("cart-svc v42 (pg pool exhausted)") and never reaches the page.
 */
public final class PublicTitle {

    /** When no affected service maps to a public component. */
    public static final String UNMAPPED = "Some services are degraded";

    private PublicTitle() {
    }

    public static String derived(List<String> componentNames, String severity) {
        if (componentNames.isEmpty()) {
            return UNMAPPED;
        }
        String subject = names(componentNames);
        boolean plural = componentNames.size() > 1;
        String state = switch (severity) {
            case "CRITICAL" -> "experiencing a major outage";
            case "MAJOR" -> "experiencing a partial outage";
            default -> "degraded";
        };
        return subject + (plural ? " are " : " is ") + state;
    }

    /** "A", "A and B", "A, B and C". */
    public static String names(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
