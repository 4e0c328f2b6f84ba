package io.firebreak.debrief.web;

import io.firebreak.debrief.domain.DurationStats;
import io.firebreak.debrief.readmodel.DebriefRepository;
import io.firebreak.debrief.readmodel.IncidentRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Response metrics per severity over a period (incidents declared in [from, to)): count, median and p90 of
 * time to acknowledge, mitigate and resolve, in seconds, measured from detection (or declaration).
 */
@RestController
public class MetricsController {

    private final DebriefRepository repository;
    private final Scheduler blocking;
    private final Clock clock;

    public MetricsController(DebriefRepository repository, Scheduler blockingScheduler, Clock clock) {
        this.repository = repository;
        this.blocking = blockingScheduler;
        this.clock = clock;
    }

    @GetMapping("/api/v1/metrics")
    public Mono<Map<String, Object>> metrics(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Instant end = instant("to", to, clock.instant());
        Instant start = instant("from", from, end.minus(Duration.ofDays(30)));
        if (!start.isBefore(end)) {
            throw ApiProblem.invalid("from", "'from' must be before 'to'");
        }
        return Mono.fromCallable(() -> {
            List<IncidentRecord> incidents = repository.declaredBetween(start, end);
            Map<String, Object> bySeverity = new LinkedHashMap<>();
            for (String severity : List.of("CRITICAL", "MAJOR", "MINOR")) {
                List<IncidentRecord> of = incidents.stream().filter(i -> i.severity().equals(severity)).toList();
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("count", of.size());
                stats.put("timeToAcknowledge", stats(of, IncidentRecord::acknowledgedAt));
                stats.put("timeToMitigate", stats(of, IncidentRecord::mitigatedAt));
                stats.put("timeToResolve", stats(of, IncidentRecord::resolvedAt));
                bySeverity.put(severity, stats);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("from", start);
            body.put("to", end);
            body.put("count", incidents.size());
            body.put("bySeverity", bySeverity);
            return body;
        }).subscribeOn(blocking);
    }

    private static DurationStats stats(List<IncidentRecord> incidents, Function<IncidentRecord, Instant> milestone) {
        List<Long> seconds = new ArrayList<>();
        incidents.stream().filter(i -> milestone.apply(i) != null)
                .map(i -> Duration.between(i.start(), milestone.apply(i)).toSeconds()).filter(Objects::nonNull)
                .forEach(seconds::add);
        return DurationStats.of(seconds);
    }

    static Instant instant(String field, String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw ApiProblem.badRequest(field, "'" + field + "' must be an ISO date or instant");
            }
        }
    }
}
