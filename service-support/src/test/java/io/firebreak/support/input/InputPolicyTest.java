package io.firebreak.support.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.problem.ProblemType;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class InputPolicyTest {

    record Body(String title, Instant nextUpdateAt, LocalDate dueDate) {
    }

    private static final LocalDate EARLIEST = LocalDate.parse("2000-01-01");
    private static final LocalDate LATEST = LocalDate.parse("2199-12-31");

    private final JsonMapper mapper = JsonMapper.builder().addModule(new SimpleModule()
            .addDeserializer(String.class, new GuardedStringDeserializer())
            .addDeserializer(Instant.class, new BoundedTimeDeserializers.Instants(EARLIEST, LATEST))
            .addDeserializer(LocalDate.class, new BoundedTimeDeserializers.Dates(EARLIEST, LATEST))).build();

    private ApiProblem refusal(String json) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> mapper.readValue(json, Body.class));
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiProblem problem) {
                return problem;
            }
        }
        throw new AssertionError("not refused by the input policy: " + json, thrown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b", "\\u0007bell", "del\\u007f", "c1\\u0085next"})
    void refusesControlCharacters(String title) {
        ApiProblem problem = refusal("{\"title\": \"" + title + "\"}");
        assertThat(problem.field()).isEqualTo("title");
        assertThat(problem.type()).isEqualTo(ProblemType.INVALID_FIELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u200b\\u200b", "\\u202e", " \\u2066\\u2069 ", "\\ufeff"})
    void refusesTextWithNothingVisible(String title) {
        assertThat(refusal("{\"title\": \"" + title + "\"}").getMessage()).contains("no visible characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Checkout\\tslow\\nagain", "مرحبا \\u200f123", "naïve 🔥 résumé", "", "   "})
    void acceptsOrdinaryText(String title) {
        assertThat(mapper.readValue("{\"title\": \"" + title + "\"}", Body.class).title()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+300000-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "2200-01-01T00:00:00Z"})
    void refusesTimesOutsideTheBounds(String at) {
        assertThat(refusal("{\"nextUpdateAt\": \"" + at + "\"}").field()).isEqualTo("nextUpdateAt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1900-01-01\"", "\"+999999-01-01\"", "\"2200-01-01\"", "[2030,1,15]", "20000", "\"\"",
            "\"2030-01-15T10:00:00Z\""})
    void refusesDatesOutsideTheBounds(String date) {
        assertThat(refusal("{\"dueDate\": " + date + "}").field()).isEqualTo("dueDate");
    }

    @org.junit.jupiter.api.Test
    void acceptsTimesAndDatesWithinTheBounds() {
        Body body = mapper.readValue("{\"nextUpdateAt\": \"2026-11-25T10:00:00Z\", \"dueDate\": \"2199-12-31\"}",
                Body.class);
        assertThat(body.nextUpdateAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(body.dueDate()).isEqualTo(LATEST);
    }

    @org.junit.jupiter.api.Test
    void refusesASecretNamingTheFieldAndKindWithoutEchoingIt() {
        ApiProblem problem = refusal("{\"title\": \"db password=hunter2\"}");
        assertThat(problem.type()).isEqualTo(ProblemType.SECRET_DETECTED);
        assertThat(problem.properties()).containsEntry("secretKind", "password");
        assertThat(problem.getMessage()).doesNotContain("hunter2");
        assertThatThrownBy(() -> TextPolicy.accept("x", "4111 1111 1111 1111")).isInstanceOf(ApiProblem.class);
    }

    @org.junit.jupiter.api.Test
    void readsMonitoringTimesOutsideTheBoundsAsNotSet() {
        Body body = mapper.readerFor(Body.class).withAttribute(GuardedStringDeserializer.REDACT, Boolean.TRUE)
                .readValue("{\"nextUpdateAt\": \"0001-01-01T00:00:00Z\"}");
        assertThat(body.nextUpdateAt()).isNull();
    }
}
