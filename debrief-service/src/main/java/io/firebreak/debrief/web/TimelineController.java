package io.firebreak.debrief.web;

import io.firebreak.debrief.readmodel.DebriefRepository;
import io.firebreak.debrief.readmodel.IncidentRecord;
import io.firebreak.debrief.readmodel.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @GetMapping("/api/v1/incidents/{id}/timeline")
    public Mono<ResponseEntity<Object>> timeline(@PathVariable String id,
            @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiProblem.badRequest("format", "'format' must be json or csv");
        }
        return Mono.fromCallable(() -> {
            IncidentRecord incident = repository.incident(id).orElseThrow(() -> ApiProblem.notFound("incident " + id));
            List<TimelineEntry> entries = repository.timeline(id);
            if (format.equals("csv")) {
                return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                        .header("Content-Disposition", "attachment; filename=\"" + incident.reference() + "-timeline.csv\"")
                        .body((Object) csv(entries));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("incidentId", incident.id());
            body.put("reference", incident.reference());
            body.put("milestones", milestones(incident));
            body.put("metrics", metrics(incident));
            body.put("entries", entries);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body((Object) body);
        }).subscribeOn(blocking);
    }

    static Map<String, Instant> milestones(IncidentRecord i) {
        Map<String, Instant> milestones = new LinkedHashMap<>();
        milestones.put("detected", i.detectedAt());
        milestones.put("declared", i.declaredAt());
        milestones.put("acknowledged", i.acknowledgedAt());
        milestones.put("firstUpdate", i.firstUpdateAt());
        milestones.put("mitigated", i.mitigatedAt());
        milestones.put("resolved", i.resolvedAt());
        milestones.put("closed", i.closedAt());
        return milestones;
    }

    static Map<String, Long> metrics(IncidentRecord i) {
        Map<String, Long> metrics = new LinkedHashMap<>();
        metrics.put("timeToAcknowledgeSeconds", seconds(i.start(), i.acknowledgedAt()));
        metrics.put("timeToMitigateSeconds", seconds(i.start(), i.mitigatedAt()));
        metrics.put("timeToResolveSeconds", seconds(i.start(), i.resolvedAt()));
        return metrics;
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
