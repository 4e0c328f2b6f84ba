package io.firebreak.schemas.sensitive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SecretDetectorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "customer paid with 4111 1111 1111 1111 yesterday | CARD",
            "card 4111-1111-1111-1111 declined | CARD",
            "amex 378282246310005 | CARD",
            "-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEA\\n-----END RSA PRIVATE KEY----- | PRIVATE_KEY",
            "leaked key AKIAIOSFODNN7EXAMPLE in logs | AWS_ACCESS_KEY",
            "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U | JWT",
            "curl -H 'Authorization: Bearer abcdef0123456789abcdef' | BEARER_TOKEN",
            "db at postgres://admin:hunter2@db.internal:5432/app | URL_CREDENTIALS"
    })
    void findsEachKindOfSecret(String text, SecretKind kind) {
        assertThat(SecretDetector.scan(text.replace("\\n", "\n")))
                .extracting(SecretFinding::kind).containsExactly(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Checkout error rate above 5% since 01:07",
            "order 1234567890123 failed",
            "phone +44 20 7946 0958",
            "https://grafana.example/d/abc?from=1700000000000&to=1700000360000",
            "see https://runbooks.example/checkout-errors",
            "0000 0000 0000 0000",
            "version 2026.11.24-3 rolled back",
            ""
    })
    void leavesOrdinaryTextAlone(String text) {
        assertThat(SecretDetector.scan(text)).isEmpty();
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
    void checksLuhn() {
        assertThat(SecretDetector.luhnValid("4111111111111111")).isTrue();
        assertThat(SecretDetector.luhnValid("4111111111111112")).isFalse();
    }
}
