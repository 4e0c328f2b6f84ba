package io.firebreak.schemas.sensitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretDetectorTest {

    // Vendor prefixes are split from the rest so that secret scanners (push protection, CI) do not take these
    // fixtures for leaked credentials; the detector sees the joined string.
    private static final String GITHUB_BODY = "0123456789abcdefghijklmnopqrstuvwxyZ";
    private static final String SLACK_BOT = "xox" + "b-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    private static final String STRIPE_BODY = "_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    /** Text, the kind it must be found as, and the raw secret that redaction must remove. */
    static Stream<Arguments> secrets() {
        return Stream.of(
                arguments("customer paid with 4111 1111 1111 1111 yesterday", SecretKind.CARD, "4111 1111 1111 1111"),
                arguments("card 4111-1111-1111-1111 declined", SecretKind.CARD, "4111-1111-1111-1111"),
                arguments("amex 378282246310005", SecretKind.CARD, "378282246310005"),
                arguments("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----",
                        SecretKind.PRIVATE_KEY, "MIIEpAIBAAKCAQEA"),
                arguments("leaked key AKIAIOSFODNN7EXAMPLE in logs", SecretKind.AWS_ACCESS_KEY, "AKIAIOSFODNN7EXAMPLE"),
                arguments("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0"
                                + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                        SecretKind.JWT, "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
                arguments("curl -H 'Authorization: Bearer abcdef0123456789abcdef'", SecretKind.BEARER_TOKEN,
                        "abcdef0123456789abcdef"),
                arguments("db at postgres://admin:hunter2@db.internal:5432/app", SecretKind.URL_CREDENTIALS, "hunter2"),
                arguments("mongodb+srv://app:Sup3rS3cret@cluster0.example.mongodb.net/db", SecretKind.URL_CREDENTIALS,
                        "Sup3rS3cret"),
                arguments("jdbc:mysql://root:toor@db:3306/app", SecretKind.URL_CREDENTIALS, "toor"),

                arguments("password=hunter2", SecretKind.PASSWORD, "hunter2"),
                arguments("db passwd=s3cr3t! on the replica", SecretKind.PASSWORD, "s3cr3t!"),
                arguments("pwd: hunter2", SecretKind.PASSWORD, "hunter2"),
                arguments("password: letmein", SecretKind.PASSWORD, "letmein"),
                arguments("{\"user\": \"svc\", \"password\": \"correct horse battery\"}", SecretKind.PASSWORD,
                        "correct horse battery"),
                arguments("secret=9f8e7d6c5b4a", SecretKind.PASSWORD, "9f8e7d6c5b4a"),
                arguments("client_secret='q1w2e3r4t5'", SecretKind.PASSWORD, "q1w2e3r4t5"),
                arguments("api_key=abcdef123456", SecretKind.PASSWORD, "abcdef123456"),
                arguments("apikey: Zk93jfa0", SecretKind.PASSWORD, "Zk93jfa0"),
                arguments("x-api-key: 4f3c2b1a0f9e8d7c", SecretKind.PASSWORD, "4f3c2b1a0f9e8d7c"),
                arguments("curl https://api.example/v1/export?token=tok_8f7e6d5c4b3a&format=csv", SecretKind.PASSWORD,
                        "tok_8f7e6d5c4b3a"),
                arguments("Server=db;User Id=sa;Password=Pa55w0rd;Database=app", SecretKind.PASSWORD, "Pa55w0rd"),
                arguments("jdbc:postgresql://db.internal/app?user=svc&password=Winter2024", SecretKind.PASSWORD,
                        "Winter2024"),
                arguments("jdbc:oracle:thin:scott/tiger@db.internal:1521/ORCL", SecretKind.PASSWORD, "tiger"),
                arguments("FIREBREAK_DB_PASSWORD=firebreak", SecretKind.PASSWORD, "firebreak"),
                arguments("spring.datasource.password = changeme123", SecretKind.PASSWORD, "changeme123"),
                arguments("password=\"unterminated", SecretKind.PASSWORD, "unterminated"),
                arguments("password=$ecret99", SecretKind.PASSWORD, "$ecret99"),
                arguments("Authorization: Basic dXNlcjpwYXNzd29yZA==", SecretKind.PASSWORD, "dXNlcjpwYXNzd29yZA"),

                arguments("bot token " + SLACK_BOT + " leaked", SecretKind.SLACK_TOKEN, SLACK_BOT.substring(5)),
                arguments("xox" + "p-2222222222-3333333333-4444444444-abcdef0123", SecretKind.SLACK_TOKEN,
                        "abcdef0123"),
                arguments("SLACK_APP_TOKEN=xa" + "pp-1-A0123456789-1234567890123-abcdef0123456789",
                        SecretKind.SLACK_TOKEN, "abcdef0123456789"),
                arguments("posting to https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/abcdefghijklmnopqrstuvwx",
                        SecretKind.SLACK_WEBHOOK, "abcdefghijklmnopqrstuvwx"),
                arguments("GH_TOKEN=gh" + "p_" + GITHUB_BODY, SecretKind.GITHUB_TOKEN, GITHUB_BODY),
                arguments("oauth gh" + "o_" + GITHUB_BODY, SecretKind.GITHUB_TOKEN, GITHUB_BODY),
                arguments("user-to-server gh" + "u_" + GITHUB_BODY, SecretKind.GITHUB_TOKEN, GITHUB_BODY),
                arguments("installation gh" + "s_" + GITHUB_BODY, SecretKind.GITHUB_TOKEN, GITHUB_BODY),
                arguments("refresh gh" + "r_" + GITHUB_BODY, SecretKind.GITHUB_TOKEN, GITHUB_BODY),
                arguments("github" + "_pat_11ABCDEFG0123456789abc_" + GITHUB_BODY, SecretKind.GITHUB_TOKEN,
                        "11ABCDEFG0123456789abc"),
                arguments("gl" + "pat-AbCdEfGhIjKlMnOpQrSt in the runner log", SecretKind.GITLAB_TOKEN,
                        "AbCdEfGhIjKlMnOpQrSt"),
                arguments("stripe key s" + "k" + STRIPE_BODY, SecretKind.STRIPE_KEY, "4eC39HqLyjWDarjtT1zdp7dc"),
                arguments("restricted r" + "k" + STRIPE_BODY + " in env", SecretKind.STRIPE_KEY,
                        "4eC39HqLyjWDarjtT1zdp7dc"),
                arguments("maps key AI" + "za0123456789ABCDEFGHIJKLMNOPQRSTUVWXY", SecretKind.GOOGLE_API_KEY,
                        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXY"),
                arguments("aws_secret_access_key = " + AWS_SECRET, SecretKind.AWS_SECRET_KEY, AWS_SECRET),
                arguments("{\"SecretAccessKey\": \"" + AWS_SECRET + "\", \"SessionToken\": null}",
                        SecretKind.AWS_SECRET_KEY, AWS_SECRET),
                arguments("export AWS_SECRET_KEY=" + AWS_SECRET, SecretKind.AWS_SECRET_KEY, AWS_SECRET));
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void findsEachKindOfSecret(String text, SecretKind kind, String raw) {
        assertThat(SecretDetector.scan(text)).extracting(SecretFinding::kind).first().isEqualTo(kind);
        assertThat(SecretDetector.first(text)).map(SecretFinding::kind).contains(kind);
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void redactsEachKindWithoutKeepingTheRawValue(String text, SecretKind kind, String raw) {
        String redacted = SecretDetector.redact(text);

        assertThat(redacted).doesNotContain(raw).contains("[REDACTED:" + kind.code() + "]");
        assertThat(SecretDetector.scan(redacted)).as("redacted text scans clean").isEmpty();
        assertThat(SecretDetector.redact(redacted)).as("redacting twice changes nothing").isEqualTo(redacted);
    }

    @Test
    void keepsTheNameOfALabelledSecret() {
        assertThat(SecretDetector.redact("password=hunter2")).isEqualTo("password=[REDACTED:password]");
        assertThat(SecretDetector.redact("{\"password\": \"hunter 2\", \"user\": \"svc\"}"))
                .isEqualTo("{\"password\": \"[REDACTED:password]\", \"user\": \"svc\"}");
        assertThat(SecretDetector.redact("Server=db;Pwd=Pa55w0rd;Database=app"))
                .isEqualTo("Server=db;Pwd=[REDACTED:password];Database=app");
        assertThat(SecretDetector.redact("Credentials[user=bob, password=hunter2]"))
                .isEqualTo("Credentials[user=bob, password=[REDACTED:password]]");
        assertThat(SecretDetector.redact("{password=hunter2, user=bob}"))
                .isEqualTo("{password=[REDACTED:password], user=bob}");
        assertThat(SecretDetector.redact("aws_secret_access_key=" + AWS_SECRET))
                .isEqualTo("aws_secret_access_key=[REDACTED:aws_secret_key]");
    }

    @Test
    void aSpecificKindWinsOverTheLabelInFrontOfIt() {
        assertThat(SecretDetector.scan("token=" + SLACK_BOT)).extracting(SecretFinding::kind)
                .containsExactly(SecretKind.SLACK_TOKEN);
        assertThat(SecretDetector.scan("api_key=AI" + "za0123456789ABCDEFGHIJKLMNOPQRSTUVWXY"))
                .extracting(SecretFinding::kind).containsExactly(SecretKind.GOOGLE_API_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Checkout error rate above 5% since 01:07",
            "order 1234567890123 failed",
            "phone +44 20 7946 0958",
            "customer alice.smith@example.com reports double charges",
            "https://grafana.example/d/abc?from=1700000000000&to=1700000360000",
            "see https://runbooks.example/checkout-errors",
            "0000 0000 0000 0000",
            "version 2026.11.24-3 rolled back",
            "password=",
            "password=${DB_PASSWORD}",
            "FIREBREAK_TOKEN=<a long random token>",
            "password=****",
            "password: [REDACTED:password]",
            "require_password=true",
            "Password: **reset** is broken for SSO users",
            "passphrase: my long phrase was too long for the form",
            "if (token == null) return;",
            "pk_live_4eC39HqLyjWDarjtT1zdp7dc is the publishable key",
            "sk_test_4eC39HqLyjWDarjtT1zdp7dc is a test-mode key",
            "bot token xoxb-your-token-here",
            "ghp_short is not a token",
            "glpat-short",
            "https://hooks.slack.com/services/ is the webhook host",
            "aws_secret_access_key = <from vault>",
            ""
    })
    void leavesOrdinaryTextAlone(String text) {
        assertThat(SecretDetector.scan(text)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.firebreak.schemas.sensitive.IncidentProse#sentences")
    void leavesIncidentProseAlone(String sentence) {
        assertThat(SecretDetector.scan(sentence)).isEmpty();
        assertThat(SecretDetector.redact(sentence)).isEqualTo(sentence);
    }

    @Test
    void redactsEverySecretWithoutKeepingAnyOfIt() {
        String redacted = SecretDetector.redact(
                "card 4111 1111 1111 1111 and postgres://admin:hunter2@db:5432 and AKIAIOSFODNN7EXAMPLE");

        assertThat(redacted).isEqualTo(
                "card [REDACTED:card] and [REDACTED:url_credentials]db:5432 and [REDACTED:aws_access_key]");
        assertThat(redacted).doesNotContain("4111", "hunter2", "AKIA");
    }

    @Test
    void handlesNullAndEmpty() {
        assertThat(SecretDetector.scan(null)).isEmpty();
        assertThat(SecretDetector.first(null)).isEmpty();
        assertThat(SecretDetector.redact(null)).isNull();
        assertThat(SecretDetector.redact("")).isEmpty();
    }

    @Test
    void everyKindHasACodeAndADescription() {
        for (SecretKind kind : SecretKind.values()) {
            assertThat(kind.code()).matches("[a-z_]+");
            assertThat(kind.description()).isNotBlank();
        }
    }

    /**
     * A guard against catastrophic backtracking, not a benchmark: the linear patterns take well under 100 ms per
     * text on an idle machine, a quadratic one (such as the earlier JWT pattern) takes seconds. The limit leaves
     * room for a loaded CI runner.
     */
    @ParameterizedTest
    @MethodSource("io.firebreak.schemas.sensitive.AdversarialText#texts")
    void scansAdversarialTextInLinearTime(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> SecretDetector.redact(text));
    }

    @Test
    void checksLuhn() {
        assertThat(SecretDetector.luhnValid("4111111111111111")).isTrue();
        assertThat(SecretDetector.luhnValid("4111111111111112")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void neverTakesTheDigitsOfAnIdForACardNumber() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            String id = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            org.assertj.core.api.Assertions.assertThat(SecretDetector.scan("incident " + id + " lead")).as(id).isEmpty();
        }
        org.assertj.core.api.Assertions.assertThat(SecretDetector.first("card 4111-1111-1111-1111.")).isPresent();
    }

    /** The fast checks before the regexes (scan) must not depend on the case the (?i) patterns ignore. */
    @Test
    void findsCaseInsensitiveShapesInAnyCase() {
        assertThat(SecretDetector.scan("curl -H 'AUTHORIZATION: BEARER abcdef0123456789abcdef'"))
                .extracting(SecretFinding::kind).contains(SecretKind.BEARER_TOKEN);
        assertThat(SecretDetector.scan("posted to HTTPS://HOOKS.SLACK.COM/services/T0000/B0000/XXXXXXXXXXXX"))
                .extracting(SecretFinding::kind).contains(SecretKind.SLACK_WEBHOOK);
        assertThat(SecretDetector.containsIgnoringCase("BeArEr", "bearer")).isTrue();
        assertThat(SecretDetector.containsIgnoringCase("bear", "bearer")).isFalse();
    }
}
