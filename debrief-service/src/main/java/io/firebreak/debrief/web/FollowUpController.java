package io.firebreak.debrief.web;

import io.firebreak.debrief.domain.FollowUpStatus;
import io.firebreak.debrief.readmodel.DebriefRepository;
import io.firebreak.debrief.readmodel.FollowUp;
import io.firebreak.debrief.readmodel.FollowUpChanges;
import io.firebreak.debrief.readmodel.FollowUpRepository;
import io.firebreak.debrief.readmodel.Person;
import io.firebreak.support.config.SupportProperties;
import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.security.Caller;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Follow-up actions with owners and due dates, and how many of them actually ship: docs/process.md#follow-ups: "if none ever
 * ship, escalate that pattern", made visible. Who created or changed an action is the person behind the credential.
 */
@RestController
public class FollowUpController {

    private static final Set<String> PRIORITIES = Set.of("low", "medium", "high", "urgent");

    private final FollowUpRepository followUps;
    private final FollowUpChanges changes;
    private final DebriefRepository incidents;
    private final Scheduler blocking;
    private final Clock clock;
    private final SupportProperties.Input bounds;

    public FollowUpController(FollowUpRepository followUps, FollowUpChanges changes, DebriefRepository incidents,
            Scheduler blockingScheduler, Clock clock, SupportProperties support) {
        this.bounds = support.input();
        this.followUps = followUps;
        this.changes = changes;
        this.incidents = incidents;
        this.blocking = blockingScheduler;
        this.clock = clock;
    }

    /**
     * {@code dueDate} is read here, strictly: the shared LocalDate binding also takes arrays, epoch-day numbers, empty
     * strings and date-times (truncated), none of which is a due date.
     */
    public record NewFollowUp(String title, String owner, String dueDate, String priority, String externalUrl) {
    }

    public record FollowUpChange(String status, String owner) {
    }

    /** How the follow-ups created in [from, to) fared; {@code nothingShips} when none of them was completed. */
    public record FollowUpStats(Instant from, Instant to, int created, long completed, long notDoing, long outstanding,
            long overdue, Double completedShare, boolean nothingShips) {
    }

    @PostMapping(path = "/api/v1/incidents/{id}/follow-ups", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<FollowUp>> create(@PathVariable String id, @RequestBody NewFollowUp body,
            ServerWebExchange exchange) {
        Ids.checked("id", id);
        Person by = person(exchange);
        String title = text("title", body.title(), 200, true);
        LocalDate dueDate = date("dueDate", body.dueDate());
        String owner = text("owner", body.owner(), 200, true);
        String priority = body.priority() == null ? "medium" : body.priority().toLowerCase();
        if (!PRIORITIES.contains(priority)) {
            throw ApiProblem.badRequest("priority", "'priority' must be low, medium, high or urgent");
        }
        String url = text("externalUrl", body.externalUrl(), 2_000, false);
        if (url != null && !isWebLink(url)) {
            throw ApiProblem.invalid("externalUrl", "'externalUrl' must be an http(s) link to the tracker");
        }
        return Mono.fromCallable(() -> {
            incidents.incident(id).orElseThrow(() -> ApiProblem.notFound("incident " + id));
            Instant now = clock.instant();
            FollowUp followUp = new FollowUp(UUID.randomUUID().toString(), id, title, owner, dueDate, priority,
                    url, FollowUpStatus.OUTSTANDING.wire(), now, now, null, false, by, by, null);
            changes.create(followUp);
            FollowUp saved = followUps.find(followUp.id(), today()).orElseThrow();
            return ResponseEntity.created(URI.create("/api/v1/follow-ups/" + saved.id())).body(saved);
        }).subscribeOn(blocking);
    }

    @PatchMapping(path = "/api/v1/follow-ups/{followUpId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<FollowUp> change(@PathVariable String followUpId, @RequestBody FollowUpChange body,
            ServerWebExchange exchange) {
        Ids.checked("followUpId", followUpId);
        Person by = person(exchange);
        String status = body.status() == null ? null : FollowUpStatus.parse(body.status())
                .orElseThrow(() -> ApiProblem.badRequest("status", "'status' must be outstanding, completed or not_doing"))
                .wire();
        String owner = text("owner", body.owner(), 200, false);
        if (status == null && owner == null) {
            throw ApiProblem.invalid("status", "Give a new 'status' or 'owner'");
        }
        return Mono.fromCallable(() -> {
            followUps.find(followUpId, today()).orElseThrow(() -> ApiProblem.notFound("follow-up " + followUpId));
            changes.change(followUpId, status, owner, by, clock.instant(), today());
            return followUps.find(followUpId, today()).orElseThrow();
        }).subscribeOn(blocking);
    }

    @GetMapping("/api/v1/follow-ups")
    public Mono<List<FollowUp>> search(@RequestParam(required = false) String state,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String incidentId) {
        String status = state == null ? null : FollowUpStatus.parse(state)
                .orElseThrow(() -> ApiProblem.badRequest("state", "'state' must be outstanding, completed or not_doing"))
                .wire();
        Ids.checked("incidentId", incidentId);
        return Mono.fromCallable(() -> followUps.search(incidentId, status, overdue, today())).subscribeOn(blocking);
    }

    @GetMapping("/api/v1/follow-ups/stats")
    public Mono<FollowUpStats> stats(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Instant end = MetricsController.instant("to", to, clock.instant());
        Instant start = MetricsController.instant("from", from, end.minus(Duration.ofDays(90)));
        if (!start.isBefore(end)) {
            throw ApiProblem.invalid("from", "'from' must be before 'to'");
        }
        return Mono.fromCallable(() -> {
            List<FollowUp> created = followUps.createdBetween(start, end, today());
            long completed = created.stream().filter(f -> f.status().equals("completed")).count();
            long notDoing = created.stream().filter(f -> f.status().equals("not_doing")).count();
            long overdueCount = created.stream().filter(FollowUp::overdue).count();
            return new FollowUpStats(start, end, created.size(), completed, notDoing,
                    created.size() - completed - notDoing, overdueCount,
                    created.isEmpty() ? null : (double) completed / created.size(),
                    !created.isEmpty() && completed == 0);
        }).subscribeOn(blocking);
    }

    private static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiProblem.invalid(field, "'" + field + "' is required");
            }
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw ApiProblem.invalid(field, "'" + field + "' is longer than " + max + " characters");
        }
        return text;
    }

    /** A due date: an ISO calendar date (yyyy-MM-dd) within the configured bounds, or null. */
    private LocalDate date(String field, String text) {
        if (text == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(field, "'" + field + "' must be a date such as 2030-01-15");
        }
        if (date.isBefore(bounds.earliest()) || date.isAfter(bounds.latest())) {
            throw ApiProblem.invalid(field, "'" + field + "' must lie between " + bounds.earliest() + " and "
                    + bounds.latest());
        }
        return date;
    }

    /** An absolute http or https URL with a host: no {@code javascript:}, no bare {@code http://}. */
    static boolean isWebLink(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Person person(ServerWebExchange exchange) {
        Caller caller = Caller.of(exchange);
        return new Person(caller.id(), caller.displayName());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
