package io.firebreak.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What may be written as a record's {@code traceparent} header: a W3C version-00 value, nothing else. */
class TraceParentsTest {

    @Test
    void acceptsAW3cVersion00TraceParent() {
        assertThat(TraceParents.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isTrue();
        assertThat(TraceParents.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")).isTrue();
    }

    @Test
    void refusesAnythingElse() {
        assertThat(TraceParents.isValid(null)).isFalse();
        assertThat(TraceParents.isValid("")).isFalse();
        assertThat(TraceParents.isValid("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceParents.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isFalse();
        assertThat(TraceParents.isValid("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceParents.isValid("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceParents.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01;password=x")).isFalse();
    }

    @Test
    void thereIsNoTraceParentWithoutATracer() {
        assertThat(TraceParents.none().current()).isEmpty();
    }
}
