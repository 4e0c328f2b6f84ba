package io.firebreak.support.tracing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Trace context across Kafka (issue 19): what a service stores to send later records the current
 * {@code traceparent} ({@link TraceParents}), and every listener's records get a consumer span each, continuing
 * their {@code traceparent} header ({@link ConsumerTracing}). Boot's tracing does the rest: HTTP server spans,
 * traceId/spanId in every log line, OTLP export when configured (firebreak-defaults.yml).
 */
@AutoConfiguration(after = {OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
        NoopTracerAutoConfiguration.class})
public class TracingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public TraceParents traceParents(Tracer tracer) {
        return new TraceParents(tracer);
    }

    /**
     * One bean for both interceptor types (Boot's Kafka auto-configuration sets a unique BatchInterceptor and a unique
     * RecordInterceptor bean on the listener container factory).
     */
    @Bean
    @ConditionalOnMissingBean({BatchInterceptor.class, RecordInterceptor.class})
    public RecordTracingInterceptor recordTracingInterceptor(ObjectProvider<ObservationRegistry> registry,
            ObjectProvider<MeterRegistry> meters) {
        return new RecordTracingInterceptor(registry.getIfAvailable(() -> ObservationRegistry.NOOP),
                meters.getIfUnique());
    }
}
