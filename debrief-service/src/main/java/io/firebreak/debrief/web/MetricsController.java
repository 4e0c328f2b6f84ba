package io.firebreak.debrief.web;

import io.firebreak.debrief.domain.DurationStats;
import io.firebreak.debrief.readmodel.DebriefRepository;
import io.firebreak.debrief.readmodel.IncidentRecord;
import io.firebreak.support.problem.ApiProblem;
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
 * time to acknowledge, mitigate and resolve, in seconds, measured from detection (or declaration), and of time to
 * identify (the first CauseIdentified) and to contain (the first CONTAINED containment step), measured from the
 * declaration, as the schema defines them. Drills are left out (issue 16: they run the process, they are not
 * incidents) unless {@code includeDrills=true}; {@code drills} says how many were declared in the period.
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
    public Mono<PeriodMetrics> metrics(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean includeDrills) {
        Instant end = instant("to", to, clock.instant());
        Instant start = instant("from", from, end.minus(Duration.ofDays(30)));
        if (!start.isBefore(end)) {
            throw ApiProblem.invalid("from", "'from' must be before 'to'");
        }
        return Mono.fromCallable(() -> {
            List<IncidentRecord> declared = repository.declaredBetween(start, end);
            int drills = (int) declared.stream().filter(IncidentRecord::drill).count();
            List<IncidentRecord> incidents = includeDrills ? declared : declared.stream().filter(i -> !i.drill()).toList();
            Map<String, SeverityMetrics> bySeverity = new LinkedHashMap<>();
            for (String severity : List.of("CRITICAL", "MAJOR", "MINOR")) {
                List<IncidentRecord> of = incidents.stream().filter(i -> i.severity().equals(severity)).toList();
                bySeverity.put(severity, new SeverityMetrics(of.size(), stats(of, IncidentRecord::acknowledgedAt),
                        stats(of, IncidentRecord::mitigatedAt), stats(of, IncidentRecord::resolvedAt),
                        sinceDeclared(of, IncidentRecord::identifiedAt), sinceDeclared(of, IncidentRecord::containedAt)));
            }
            return new PeriodMetrics(start, end, incidents.size(), drills, includeDrills, bySeverity);
        }).subscribeOn(blocking);
    }

    /**
     * Response metrics of the incidents declared in [from, to), per severity. {@code count} is what was counted;
     * {@code drills} how many drills were declared in the period, counted only when {@code drillsIncluded}.
     */
    public record PeriodMetrics(Instant from, Instant to, int count, int drills, boolean drillsIncluded,
            Map<String, SeverityMetrics> bySeverity) {
    }

    /**
     * How many incidents of one severity, and their times to acknowledge, mitigate and resolve (from detection) and
     * to identify and contain (from declaration).
     */
    public record SeverityMetrics(int count, DurationStats timeToAcknowledge, DurationStats timeToMitigate,
            DurationStats timeToResolve, DurationStats timeToIdentify, DurationStats timeToContain) {
    }

    private static DurationStats stats(List<IncidentRecord> incidents, Function<IncidentRecord, Instant> milestone) {
        return between(incidents, IncidentRecord::start, milestone);
    }

    private static DurationStats sinceDeclared(List<IncidentRecord> incidents,
            Function<IncidentRecord, Instant> milestone) {
        return between(incidents, IncidentRecord::declaredAt, milestone);
    }

    private static DurationStats between(List<IncidentRecord> incidents, Function<IncidentRecord, Instant> from,
            Function<IncidentRecord, Instant> milestone) {
        List<Long> seconds = new ArrayList<>();
        incidents.stream().filter(i -> milestone.apply(i) != null)
                .map(i -> Duration.between(from.apply(i), milestone.apply(i)).toSeconds()).filter(Objects::nonNull)
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
