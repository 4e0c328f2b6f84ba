package io.firebreak.notification.web;

import io.firebreak.notification.domain.oncall.EscalationPolicy;
import io.firebreak.notification.domain.oncall.Override;
import io.firebreak.notification.domain.oncall.OverrideKind;
import io.firebreak.notification.domain.oncall.Person;
import io.firebreak.notification.domain.oncall.Schedule;
import io.firebreak.notification.domain.oncall.Service;
import io.firebreak.notification.domain.oncall.Team;
import io.firebreak.notification.oncall.AuditEntry;
import io.firebreak.notification.oncall.Editor;
import io.firebreak.notification.oncall.OnCallDirectory;
import io.firebreak.notification.oncall.OnCallKind;
import io.firebreak.notification.oncall.OnCallQueries;
import io.firebreak.notification.oncall.OnCallViews.OnCallNow;
import io.firebreak.notification.oncall.OnCallViews.Shifts;
import io.firebreak.support.security.Caller;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The on-call model over HTTP: people, teams, services, schedules with overrides, escalation policies; who is on
 * call, shifts and calendar feeds; the audit trail. Reads need {@code incidents:read}, changes {@code paging:write};
 * every change is recorded as the caller. Creating with an id in use is 409, deleting an item still referred to 409,
 * an invalid item 422 naming the field.
 */
@RestController
public class OnCallController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final OnCallDirectory directory;
    private final OnCallQueries queries;
    private final Scheduler blocking;

    public OnCallController(OnCallDirectory directory, OnCallQueries queries, Scheduler blockingScheduler) {
        this.directory = directory;
        this.queries = queries;
        this.blocking = blockingScheduler;
    }

    /** An override as the API takes it; the schedule comes from the path. */
    public record OverrideRequest(String id, OverrideKind kind, String addPerson, String removePerson, Instant start,
            Instant end) {
    }

    // --- who is on call, shifts, calendars, audit

    @GetMapping("/api/v1/oncall")
    public Mono<OnCallNow> onCall(@RequestParam(required = false) Instant at) {
        return call(() -> queries.onCall(at));
    }

    @GetMapping("/api/v1/oncall/audit")
    public Mono<List<AuditEntry>> audit(@RequestParam(required = false) String entity,
            @RequestParam(required = false) String id, @RequestParam(defaultValue = "100") int limit) {
        return call(() -> directory.audit(entity, id, Math.max(1, Math.min(limit, 1000))));
    }

    @GetMapping("/api/v1/schedules/{id}/shifts")
    public Mono<Shifts> shifts(@PathVariable String id, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return call(() -> queries.shifts(id, from, to));
    }

    @GetMapping("/api/v1/schedules/{id}/calendar.ics")
    public Mono<ResponseEntity<String>> scheduleCalendar(@PathVariable String id) {
        return call(() -> ResponseEntity.ok().contentType(CALENDAR).body(queries.scheduleCalendar(id)));
    }

    @GetMapping("/api/v1/people/{id}/calendar.ics")
    public Mono<ResponseEntity<String>> personCalendar(@PathVariable String id) {
        return call(() -> ResponseEntity.ok().contentType(CALENDAR).body(queries.personCalendar(id)));
    }

    // --- people

    @GetMapping("/api/v1/people")
    public Mono<List<Person>> people() {
        return call(() -> directory.list(OnCallKind.PERSON, Person.class));
    }

    @GetMapping("/api/v1/people/{id}")
    public Mono<Person> person(@PathVariable String id) {
        return call(() -> directory.get(OnCallKind.PERSON, id, Person.class));
    }

    @PostMapping("/api/v1/people")
    public Mono<ResponseEntity<Person>> createPerson(@RequestBody Person body, ServerWebExchange exchange) {
        return save(OnCallKind.PERSON, null, body, exchange);
    }

    @PutMapping("/api/v1/people/{id}")
    public Mono<ResponseEntity<Person>> putPerson(@PathVariable String id, @RequestBody Person body,
            ServerWebExchange exchange) {
        return save(OnCallKind.PERSON, id, body, exchange);
    }

    @DeleteMapping("/api/v1/people/{id}")
    public Mono<ResponseEntity<Void>> deletePerson(@PathVariable String id, ServerWebExchange exchange) {
        return delete(OnCallKind.PERSON, id, exchange);
    }

    // --- teams

    @GetMapping("/api/v1/teams")
    public Mono<List<Team>> teams() {
        return call(() -> directory.list(OnCallKind.TEAM, Team.class));
    }

    @GetMapping("/api/v1/teams/{id}")
    public Mono<Team> team(@PathVariable String id) {
        return call(() -> directory.get(OnCallKind.TEAM, id, Team.class));
    }

    @PostMapping("/api/v1/teams")
    public Mono<ResponseEntity<Team>> createTeam(@RequestBody Team body, ServerWebExchange exchange) {
        return save(OnCallKind.TEAM, null, body, exchange);
    }

    @PutMapping("/api/v1/teams/{id}")
    public Mono<ResponseEntity<Team>> putTeam(@PathVariable String id, @RequestBody Team body,
            ServerWebExchange exchange) {
        return save(OnCallKind.TEAM, id, body, exchange);
    }

    @DeleteMapping("/api/v1/teams/{id}")
    public Mono<ResponseEntity<Void>> deleteTeam(@PathVariable String id, ServerWebExchange exchange) {
        return delete(OnCallKind.TEAM, id, exchange);
    }

    // --- services

    @GetMapping("/api/v1/services")
    public Mono<List<Service>> services() {
        return call(() -> directory.list(OnCallKind.SERVICE, Service.class));
    }

    @GetMapping("/api/v1/services/{id}")
    public Mono<Service> service(@PathVariable String id) {
        return call(() -> directory.get(OnCallKind.SERVICE, id, Service.class));
    }

    @PostMapping("/api/v1/services")
    public Mono<ResponseEntity<Service>> createService(@RequestBody Service body, ServerWebExchange exchange) {
        return save(OnCallKind.SERVICE, null, body, exchange);
    }

    @PutMapping("/api/v1/services/{id}")
    public Mono<ResponseEntity<Service>> putService(@PathVariable String id, @RequestBody Service body,
            ServerWebExchange exchange) {
        return save(OnCallKind.SERVICE, id, body, exchange);
    }

    @DeleteMapping("/api/v1/services/{id}")
    public Mono<ResponseEntity<Void>> deleteService(@PathVariable String id, ServerWebExchange exchange) {
        return delete(OnCallKind.SERVICE, id, exchange);
    }

    // --- schedules and overrides

    @GetMapping("/api/v1/schedules")
    public Mono<List<Schedule>> schedules() {
        return call(() -> directory.list(OnCallKind.SCHEDULE, Schedule.class));
    }

    @GetMapping("/api/v1/schedules/{id}")
    public Mono<Schedule> schedule(@PathVariable String id) {
        return call(() -> directory.get(OnCallKind.SCHEDULE, id, Schedule.class));
    }

    @PostMapping("/api/v1/schedules")
    public Mono<ResponseEntity<Schedule>> createSchedule(@RequestBody Schedule body, ServerWebExchange exchange) {
        return save(OnCallKind.SCHEDULE, null, body, exchange);
    }

    @PutMapping("/api/v1/schedules/{id}")
    public Mono<ResponseEntity<Schedule>> putSchedule(@PathVariable String id, @RequestBody Schedule body,
            ServerWebExchange exchange) {
        return save(OnCallKind.SCHEDULE, id, body, exchange);
    }

    @DeleteMapping("/api/v1/schedules/{id}")
    public Mono<ResponseEntity<Void>> deleteSchedule(@PathVariable String id, ServerWebExchange exchange) {
        return delete(OnCallKind.SCHEDULE, id, exchange);
    }

    @GetMapping("/api/v1/schedules/{id}/overrides")
    public Mono<List<Override>> overrides(@PathVariable String id) {
        return call(() -> directory.overrides(id));
    }

    @PostMapping("/api/v1/schedules/{id}/overrides")
    public Mono<ResponseEntity<Override>> addOverride(@PathVariable String id, @RequestBody OverrideRequest body,
            ServerWebExchange exchange) {
        Editor editor = editor(exchange);
        return call(() -> ResponseEntity.status(HttpStatus.CREATED).body(directory.putOverride(
                new Override(body.id(), id, body.kind(), body.addPerson(), body.removePerson(), body.start(),
                        body.end()), editor)));
    }

    @DeleteMapping("/api/v1/schedules/{id}/overrides/{overrideId}")
    public Mono<ResponseEntity<Void>> deleteOverride(@PathVariable String id, @PathVariable String overrideId,
            ServerWebExchange exchange) {
        Editor editor = editor(exchange);
        return call(() -> {
            directory.deleteOverride(id, overrideId, editor);
            return ResponseEntity.noContent().build();
        });
    }

    // --- escalation policies

    @GetMapping("/api/v1/escalation-policies")
    public Mono<List<EscalationPolicy>> policies() {
        return call(() -> directory.list(OnCallKind.POLICY, EscalationPolicy.class));
    }

    @GetMapping("/api/v1/escalation-policies/{id}")
    public Mono<EscalationPolicy> policy(@PathVariable String id) {
        return call(() -> directory.get(OnCallKind.POLICY, id, EscalationPolicy.class));
    }

    @PostMapping("/api/v1/escalation-policies")
    public Mono<ResponseEntity<EscalationPolicy>> createPolicy(@RequestBody EscalationPolicy body,
            ServerWebExchange exchange) {
        return save(OnCallKind.POLICY, null, body, exchange);
    }

    @PutMapping("/api/v1/escalation-policies/{id}")
    public Mono<ResponseEntity<EscalationPolicy>> putPolicy(@PathVariable String id,
            @RequestBody EscalationPolicy body, ServerWebExchange exchange) {
        return save(OnCallKind.POLICY, id, body, exchange);
    }

    @DeleteMapping("/api/v1/escalation-policies/{id}")
    public Mono<ResponseEntity<Void>> deletePolicy(@PathVariable String id, ServerWebExchange exchange) {
        return delete(OnCallKind.POLICY, id, exchange);
    }

    private <T> Mono<ResponseEntity<T>> save(OnCallKind kind, String pathId, T body, ServerWebExchange exchange) {
        Editor editor = editor(exchange);
        return call(() -> {
            OnCallDirectory.Saved<T> saved = directory.put(kind, pathId, body, editor);
            return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.item());
        });
    }

    private Mono<ResponseEntity<Void>> delete(OnCallKind kind, String id, ServerWebExchange exchange) {
        Editor editor = editor(exchange);
        return call(() -> {
            directory.delete(kind, id, editor);
            return ResponseEntity.noContent().build();
        });
    }

    private <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(blocking);
    }

    private static Editor editor(ServerWebExchange exchange) {
        Caller caller = Caller.of(exchange);
        return new Editor(caller.id(), caller.displayName());
    }
}
