package io.firebreak.schemas.sensitive;

import java.util.stream.Stream;

/**
 * Texts of 50,000 characters built to make a careless pattern scan far from many start positions (quadratic)
 * or try many ways to split the same run (exponential): long runs without the character that would end or
 * complete a match, repeated prefixes, separators between single digits.
 */
final class AdversarialText {

    static final int LENGTH = 50_000;

    private AdversarialText() {
    }

    static Stream<String> texts() {
        return Stream.of("a", "a.", "eyJ", "eyJa.", "password=\"", "password: ", "password", " ", "pwd=\"a",
                        "a@", "a.a@", "a@b.", "@a.aa", "1", "1 ", "1-", "1.", "+1 ", "+", "00", "0 ", "(1) ",
                        "(202) ", "0 1", "xoxb-1", "xapp-", "ghp_", "github_pat_", "glpat-", "sk_live_", "AIza",
                        "-----BEGIN A ", "x://a:", "a://", "bearer ", "jdbc:oracle:thin:a/",
                        "aws_secret_access_key=", "Authorization: Basic ", "Password: reset ", "4111 ", "=",
                        "https://hooks.slack.com/services/")
                .map(AdversarialText::repeatedToLength);
    }

    private static String repeatedToLength(String unit) {
        return unit.repeat(LENGTH / unit.length() + 1).substring(0, LENGTH);
    }
}
