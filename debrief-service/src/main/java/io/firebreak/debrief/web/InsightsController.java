package io.firebreak.debrief.web;

import io.firebreak.debrief.readmodel.DebriefRepository;
import io.firebreak.debrief.readmodel.FollowUpRepository;
import io.firebreak.debrief.readmodel.IncidentRecord;
import io.firebreak.support.problem.ApiProblem;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The console's insights ({@link Insights}) over incidents declared and follow-ups created in [from, to); by default
 * the current UTC month and the five before it. Drills are left out unless {@code includeDrills=true}, as in
 * {@code /api/v1/metrics}; their follow-ups are real work and always count (as in {@code /api/v1/follow-ups/stats}).
 */
@RestController
public class InsightsController {

    /** A chart of more months than this is unreadable, and the answer stays small. */
    static final int MAX_MONTHS = 36;

    private final DebriefRepository incidents;
    private final FollowUpRepository followUps;
    private final Scheduler blocking;
    private final Clock clock;

    public InsightsController(DebriefRepository incidents, FollowUpRepository followUps, Scheduler blockingScheduler,
            Clock clock) {
        this.incidents = incidents;
        this.followUps = followUps;
        this.blocking = blockingScheduler;
        this.clock = clock;
    }

    @GetMapping("/api/v1/metrics/insights")
    public Mono<Insights> insights(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean includeDrills) {
        Instant now = clock.instant();
        Instant end = MetricsController.instant("to", to, now);
        Instant start = MetricsController.instant("from", from, sixMonthsBefore(end));
        if (!start.isBefore(end)) {
            throw ApiProblem.invalid("from", "'from' must be before 'to'");
        }
        if (!Insights.spansAtMost(start, end, MAX_MONTHS)) {
            throw ApiProblem.invalid("from", "The period may span at most " + MAX_MONTHS + " months");
        }
        return Mono.fromCallable(() -> {
            List<IncidentRecord> declared = incidents.declaredBetween(start, end);
            List<IncidentRecord> counted = includeDrills ? declared
                    : declared.stream().filter(i -> !i.drill()).toList();
            return Insights.of(start, end, includeDrills, counted,
                    followUps.createdBetween(start, end, LocalDate.ofInstant(now, ZoneOffset.UTC)));
        }).subscribeOn(blocking);
    }

    /** The start of the UTC month five months before {@code end}'s; an instant beyond the calendar is refused. */
    private static Instant sixMonthsBefore(Instant end) {
        try {
            return YearMonth.from(end.atZone(ZoneOffset.UTC)).minusMonths(5).atDay(1).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeException e) {
            throw ApiProblem.invalid("to", "'to' is beyond the calendar");
        }
    }
}
