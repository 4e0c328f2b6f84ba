package io.firebreak.debrief.web;

import io.firebreak.debrief.readmodel.DebriefRepository;
import io.firebreak.debrief.readmodel.IncidentRecord;
import io.firebreak.debrief.readmodel.TimelineEntry;
import io.firebreak.support.problem.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** An incident's timeline (JSON, or CSV with {@code ?format=csv}) and its milestones. */
@RestController
public class TimelineController {

    private final DebriefRepository repository;
    private final Scheduler blocking;

    public TimelineController(DebriefRepository repository, Scheduler blockingScheduler) {
        this.repository = repository;
        this.blocking = blockingScheduler;
    }

    /**
     * The reference as a file name in a header: whatever the event carried (quotes, line breaks, emoji) must not
     * break the header, so only letters, digits, dot, dash and underscore are kept, at most 100 of them.
     */
    static String fileName(String reference) {
        String safe = reference.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "incident" : safe.substring(0, Math.min(safe.length(), 100));
    }

    @GetMapping("/api/v1/incidents/{id}/timeline")
    public Mono<ResponseEntity<Object>> timeline(@PathVariable String id,
            @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiProblem.badRequest("format", "'format' must be json or csv");
        }
        Ids.checked("id", id);
        return Mono.fromCallable(() -> {
            IncidentRecord incident = repository.incident(id).orElseThrow(() -> ApiProblem.notFound("incident " + id));
            List<TimelineEntry> entries = repository.timeline(id);
            if (format.equals("csv")) {
                return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                        .header("Content-Disposition", "attachment; filename=\"" + (incident.drill() ? "DRILL-" : "")
                                + fileName(incident.reference()) + "-timeline.csv\"")
                        .body((Object) csv(entries));
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body((Object) new Timeline(
                    incident.id(), incident.reference(), incident.incidentType(), incident.drill(),
                    Milestones.of(incident), ResponseMetrics.of(incident), entries));
        }).subscribeOn(blocking);
    }

    /**
     * An incident's timeline: its kind ({@code drill}: a drill, marked DRILL and left out of the metrics), its
     * milestones, response metrics and every entry in order (a containment step with its lever, outcome and note).
     */
    public record Timeline(String incidentId, String reference, String incidentType, boolean drill,
            Milestones milestones, ResponseMetrics metrics, List<TimelineEntry> entries) {
    }

    /**
     * When each step of the response happened (null: not yet); {@code identified} is the first CauseIdentified,
     * {@code contained} the first CONTAINED containment step.
     */
    public record Milestones(Instant detected, Instant declared, Instant acknowledged, Instant firstUpdate,
            Instant identified, Instant contained, Instant mitigated, Instant resolved, Instant closed) {

        static Milestones of(IncidentRecord i) {
            return new Milestones(i.detectedAt(), i.declaredAt(), i.acknowledgedAt(), i.firstUpdateAt(),
                    i.identifiedAt(), i.containedAt(), i.mitigatedAt(), i.resolvedAt(), i.closedAt());
        }
    }

    /**
     * Seconds to each milestone (null: not reached): to acknowledge, mitigate and resolve from detection (or
     * declaration); to identify and contain from declaration.
     */
    public record ResponseMetrics(Long timeToAcknowledgeSeconds, Long timeToMitigateSeconds,
            Long timeToResolveSeconds, Long timeToIdentifySeconds, Long timeToContainSeconds) {

        static ResponseMetrics of(IncidentRecord i) {
            return new ResponseMetrics(seconds(i.start(), i.acknowledgedAt()), seconds(i.start(), i.mitigatedAt()),
                    seconds(i.start(), i.resolvedAt()), seconds(i.declaredAt(), i.identifiedAt()),
                    seconds(i.declaredAt(), i.containedAt()));
        }
    }

    static Long seconds(Instant from, Instant to) {
        return to == null ? null : Duration.between(from, to).toSeconds();
    }

    private static String csv(List<TimelineEntry> entries) {
        StringBuilder csv = new StringBuilder("sequence,at,actor,actor_kind,kind,text\r\n");
        for (TimelineEntry e : entries) {
            csv.append(e.sequence()).append(',').append(e.at()).append(',').append(cell(e.actorName())).append(',')
                    .append(e.actorKind()).append(',').append(e.kind()).append(',').append(cell(e.text())).append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(String value) {
        String safe = value;
        // a leading formula character would run in a spreadsheet
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
