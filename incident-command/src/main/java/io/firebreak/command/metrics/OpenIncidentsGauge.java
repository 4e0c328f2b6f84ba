package io.firebreak.command.metrics;

import io.firebreak.command.api.Severity;
import io.firebreak.command.readmodel.OpenIncidentCounts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code firebreak_incidents_open{severity}}: open incidents per severity. Read from the read model when scraped
 * (actuator runs its operations off the event loop), at most once per {@link #FRESH_FOR}, so several scrapers or a
 * short interval cost one query.
 */
@Component
public class OpenIncidentsGauge {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final OpenIncidentCounts counts;
    private final Clock clock;
    private Map<Severity, Long> last;
    private Instant readAt = Instant.MIN;

    public OpenIncidentsGauge(OpenIncidentCounts counts, Clock clock, MeterRegistry registry) {
        this.counts = counts;
        this.clock = clock;
        for (Severity severity : Severity.values()) {
            Gauge.builder("firebreak.incidents.open", this, gauge -> gauge.current(severity))
                    .description("Open incidents (investigating, fixing or monitoring)")
                    .tag("severity", severity.name()).register(registry);
        }
    }

    synchronized double current(Severity severity) {
        Instant now = clock.instant();
        if (last == null || now.isAfter(readAt.plus(FRESH_FOR))) {
            last = counts.bySeverity();
            readAt = now;
        }
        return last.getOrDefault(severity, 0L);
    }
}
