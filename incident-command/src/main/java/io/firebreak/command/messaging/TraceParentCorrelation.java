package io.firebreak.command.messaging;

import io.firebreak.support.tracing.TraceParents;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

/**
 * Stores the trace context of whatever caused a command (the HTTP request's span, or the consumed record's) as the
 * {@value TraceParents#HEADER} metadata of every event the command applies. The events reach Kafka later, from the
 * publisher's own thread ({@link IncidentEventPublisher}), which writes it back as the record's header: that is
 * how one declaration can be followed from the request to the status page.
 */
@Component
public class TraceParentCorrelation implements CorrelationDataProvider {

    private final TraceParents traces;

    public TraceParentCorrelation(TraceParents traces) {
        this.traces = traces;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return traces.current().<Map<String, ?>>map(value -> Map.of(TraceParents.HEADER, value)).orElse(Map.of());
    }
}
