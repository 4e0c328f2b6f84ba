package io.firebreak.support.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} of the span current on this thread, for work that leaves it to be sent later: an
 * outbox row, a stored Axon event. Written back as the Kafka record's {@value #HEADER} header when that work is
 * produced, so the consumer continues the trace of the request or record that caused it. It carries only the trace
 * id, the span id and the sampled flag (W3C Trace Context, level 1): never baggage, never anything a caller wrote.
 */
public final class TraceParents {

    /** The record header (and Axon metadata key) that carries the trace context: W3C Trace Context's name. */
    public static final String HEADER = "traceparent";

    /** version 00, 32 hex trace id, 16 hex span id, 2 hex flags; the all-zero ids are invalid. */
    private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private final Tracer tracer;

    public TraceParents(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Never a trace context. */
    public static TraceParents none() {
        return new TraceParents(Tracer.NOOP);
    }

    /** Empty when no span is current (or tracing is off). */
    public Optional<String> current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return Optional.empty();
        }
        // an unsampled span is not recorded but its context still propagates: one trace id end to end either way
        TraceContext context = span.context();
        String value = "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
        return isValid(value) ? Optional.of(value) : Optional.empty();
    }

    /** A well-formed version-00 {@code traceparent}: anything else is not written to a record. */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }
}
