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

class PersonalDataTest {

    /** Text, the kind it must be found as, and the raw value that redaction must remove. */
    static Stream<Arguments> personalData() {
        return Stream.of(
                arguments("customer bob@example.com cannot log in", PersonalDataKind.EMAIL, "bob@example.com"),
                arguments("from jane.doe+billing@mail.example.co.uk.", PersonalDataKind.EMAIL,
                        "jane.doe+billing@mail.example.co.uk"),
                arguments("Reply-To: <J.Smith@Example.ORG>", PersonalDataKind.EMAIL, "J.Smith@Example.ORG"),
                arguments("mailto:support-escalations@shop.example", PersonalDataKind.EMAIL,
                        "support-escalations@shop.example"),
                arguments("phone +44 20 7946 0958", PersonalDataKind.PHONE, "7946 0958"),
                arguments("call +1-202-555-0143 after 5pm", PersonalDataKind.PHONE, "555-0143"),
                arguments("call +1 (202) 555-0143 after 5pm", PersonalDataKind.PHONE, "555-0143"),
                arguments("UK office +44 (0)20 7946 0958", PersonalDataKind.PHONE, "7946 0958"),
                arguments("mobile +447700900123", PersonalDataKind.PHONE, "7700900123"),
                arguments("Berlin office +49 30 12345678 (ask for Kim)", PersonalDataKind.PHONE, "12345678"),
                arguments("from abroad 0044 20 7946 0958", PersonalDataKind.PHONE, "7946 0958"),
                arguments("desk (202) 555-0143", PersonalDataKind.PHONE, "555-0143"),
                arguments("desk (020) 7946 0958", PersonalDataKind.PHONE, "7946 0958"),
                arguments("landline 020 7946 0958, ask for Sam", PersonalDataKind.PHONE, "7946 0958"),
                arguments("mobile 07700 900123", PersonalDataKind.PHONE, "900123"),
                arguments("Paris 01 23 45 67 89", PersonalDataKind.PHONE, "45 67 89"),
                arguments("Berlin 030-12345678", PersonalDataKind.PHONE, "12345678"),
                arguments("US 202-555-0143", PersonalDataKind.PHONE, "555-0143"),
                arguments("US 202.555.0143", PersonalDataKind.PHONE, "555.0143"),
                arguments("toll free 1-800-555-0199", PersonalDataKind.PHONE, "555-0199"));
    }

    @ParameterizedTest
    @MethodSource("personalData")
    void findsEachKind(String text, PersonalDataKind kind, String raw) {
        assertThat(PersonalData.scan(text)).extracting(PersonalDataFinding::kind).containsExactly(kind);
        assertThat(PersonalData.contains(text)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("personalData")
    void redactsEachKindWithoutKeepingTheRawValue(String text, PersonalDataKind kind, String raw) {
        String redacted = PersonalData.redact(text);

        assertThat(redacted).doesNotContain(raw).contains("[REDACTED:" + kind.code() + "]");
        assertThat(PersonalData.contains(redacted)).as("redacted text scans clean").isFalse();
    }

    @Test
    void redactsInPlaceAndLeavesTheRestAlone() {
        assertThat(PersonalData.redact("Customer bob@example.com (+44 20 7946 0958) saw INC-1234 at 10:15"))
                .isEqualTo("Customer [REDACTED:email] ([REDACTED:phone]) saw INC-1234 at 10:15");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "card 4111 1111 1111 1111 declined",
            "0000 0000 0000 0000",
            "00 00 00 00 00",
            "order 02079460958 shipped",
            "timestamps 2024-11-24 10:15:00 and 2024-11-24T10:15:00.123+01:00",
            "on 02-01-2024 10 pods restarted",
            "IPs 10.0.0.1, 172.16.254.1 and 192.168.1.100",
            "version 1.2.3 and 10.20.30",
            "took 1h 2m 3s",
            "INC-1234, INC-202-555-0143",
            "user@localhost and MyClass@6d06d69c",
            "lodash@4.17.21 and @scope/pkg@1.2.3",
            "call 020 7946 0958 2 times",
            ""
    })
    void leavesNumbersThatAreNoPhoneNumbersAlone(String text) {
        assertThat(PersonalData.scan(text)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.firebreak.schemas.sensitive.IncidentProse#sentences")
    void leavesIncidentProseAlone(String sentence) {
        assertThat(PersonalData.scan(sentence)).isEmpty();
        assertThat(PersonalData.redact(sentence)).isEqualTo(sentence);
    }

    @Test
    void handlesNullAndEmpty() {
        assertThat(PersonalData.scan(null)).isEmpty();
        assertThat(PersonalData.contains(null)).isFalse();
        assertThat(PersonalData.redact(null)).isNull();
        assertThat(PersonalData.redact("")).isEmpty();
    }

    /**
     * A guard against catastrophic backtracking, not a benchmark: the linear patterns take well under 100 ms per
     * text on an idle machine, a quadratic one (such as the earlier JWT pattern) takes seconds. The limit leaves
     * room for a loaded CI runner.
     */
    @ParameterizedTest
    @MethodSource("io.firebreak.schemas.sensitive.AdversarialText#texts")
    void scansAdversarialTextInLinearTime(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> PersonalData.redact(text));
    }
}
