package io.firebreak.schemas.sensitive;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds phone numbers by the way people write them, not by digit count alone: incident text is full of numbers
 * (order ids, timestamps, epochs, versions, IPs, card numbers) and only the written shape of a phone number
 * tells it apart. A bare run of digits is never taken for a phone number.
 *
 * <p>Every quantifier is bounded and every shape is anchored on both sides, so each match attempt does a
 * constant amount of work and a scan is linear in the text. Each shape also refuses to start or end inside a
 * larger token (INC-1234, 10.0.0.12, 2024-11-24), then the digit count is checked.
 */
final class PhoneNumbers {

    private record Shape(Pattern pattern, int minDigits, int maxDigits) {
    }

    private static final List<Shape> SHAPES = List.of(
            // +44 20 7946 0958, +1-202-555-0143, +1 (202) 555-0143, +44 (0)20 7946 0958, 0044 20 7946 0958,
            // +49 30 12345678, +442079460958. E.164 allows at most 15 digits.
            new Shape(Pattern.compile("(?<![\\w+])(?:\\+\\d{8,15}|(?:\\+|00)\\d{1,4}"
                    + "(?:[ .-]?\\(\\d{1,4}\\)[ .-]?\\d{1,8})?(?:[ .-]\\d{1,8}){1,5})(?![\\w+]|[ .-]?\\d)"), 8, 15),
            // A national number with a trunk 0, one kind of separator throughout: 020 7946 0958, 07700 900123,
            // 01 23 45 67 89, 030-12345678. The single separator keeps "02-01-2024 10" (a date) out.
            new Shape(Pattern.compile("(?<![\\w+.,:/-])0\\d{1,4}([ -])\\d{2,8}(?:\\1\\d{2,8}){0,3}"
                    + "(?![\\w]|[.,:/-]?\\d|[ -]\\d)"), 10, 11),
            // North American: 202-555-0143, 202.555.0143, 1-800-555-0199; the same separator both times.
            new Shape(Pattern.compile("(?<![\\w+.,:/-])(?:1[.-])?\\d{3}([.-])\\d{3}\\1\\d{4}"
                    + "(?![\\w]|[.,:/-]?\\d|[ ]\\d)"), 10, 11),
            // An area code in parentheses: (202) 555-0143, (020) 7946 0958.
            new Shape(Pattern.compile("(?<![\\w+])\\(\\d{2,5}\\)[ .-]?\\d{3,4}[ .-]?\\d{3,4}"
                    + "(?![\\w]|[.,:/-]?\\d|[ ]\\d)"), 10, 11));

    private PhoneNumbers() {
    }

    static void find(String text, List<PersonalDataFinding> findings) {
        for (Shape shape : SHAPES) {
            Matcher matcher = shape.pattern().matcher(text);
            while (matcher.find()) {
                if (plausible(matcher.group(), shape)) {
                    findings.add(new PersonalDataFinding(PersonalDataKind.PHONE, matcher.start(), matcher.end()));
                }
            }
        }
    }

    private static boolean plausible(String candidate, Shape shape) {
        String digits = candidate.replaceAll("\\D", "");
        if (candidate.startsWith("00")) {
            // 00 is the international call prefix, not part of the number.
            digits = digits.substring(2);
        }
        return digits.length() >= shape.minDigits() && digits.length() <= shape.maxDigits()
                && digits.chars().distinct().count() > 1;
    }
}
