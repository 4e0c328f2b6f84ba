package io.firebreak.statuspage.subscribers.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Subscriber e-mail addresses: what is accepted, and how one is shown where personal data may not go in clear
 * (logs, admin lists): {@code j***@e***.com}.
 */
public final class EmailAddresses {

    /** RFC 5321 limits the path to 254 octets; one @, something on both sides, a dot in the domain, no spaces. */
    private static final Pattern SHAPE = Pattern.compile("[^@\\s<>,;\"()\\[\\]\\\\]{1,64}@[^@\\s<>,;\"()\\[\\]\\\\]+\\.[^@\\s<>,;\"()\\[\\]\\\\.]+");

    private EmailAddresses() {
    }

    public static boolean valid(String address) {
        return address != null && address.length() <= 254 && SHAPE.matcher(address).matches()
                && address.chars().allMatch(c -> c > 0x20 && c < 0x7f || c > 0xa0);
    }

    /** The address as stored and compared: trimmed, domain in lower case. */
    public static String normalize(String address) {
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        return trimmed.substring(0, at) + "@" + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public static String mask(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        String domain = address.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String host = dot > 0 ? domain.substring(0, dot) : domain;
        String tld = dot > 0 ? domain.substring(dot) : "";
        return address.charAt(0) + "***@" + (host.isEmpty() ? "" : host.charAt(0) + "***") + tld;
    }
}
