package io.firebreak.statuspage.support;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every span the service ends, kept in memory as an OTLP collector would receive it (Boot's OpenTelemetry SDK takes
 * every SpanProcessor bean): what tests read to follow a trace through the service, without a collector and without
 * the export's batching delay.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedSpans {

    private static final List<SpanData> ENDED = new CopyOnWriteArrayList<>();

    /** The ended spans of one trace, oldest first. */
    public static List<SpanData> ofTrace(String traceId) {
        return ENDED.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    @Bean
    SpanProcessor recordedSpans() {
        return new SpanProcessor() {
            @Override
            public void onStart(Context parentContext, ReadWriteSpan span) {
            }

            @Override
            public boolean isStartRequired() {
                return false;
            }

            @Override
            public void onEnd(ReadableSpan span) {
                ENDED.add(span.toSpanData());
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }
        };
    }
}
