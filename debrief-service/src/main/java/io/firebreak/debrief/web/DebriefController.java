package io.firebreak.debrief.web;

import io.firebreak.debrief.config.DebriefProperties;
import io.firebreak.debrief.domain.DebriefForm;
import io.firebreak.debrief.domain.DebriefPolicy;
import io.firebreak.debrief.readmodel.DebriefCompletions;
import io.firebreak.debrief.readmodel.DebriefRepository;
import io.firebreak.debrief.readmodel.FollowUp;
import io.firebreak.debrief.readmodel.FollowUpRepository;
import io.firebreak.debrief.readmodel.IncidentRecord;
import io.firebreak.debrief.web.DebriefMarkdown.RenderedSection;
import io.firebreak.schemas.sensitive.SecretDetector;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Debriefs: which are due, the prefilled document, edited sections and completion. */
@RestController
public class DebriefController {

    private static final Set<String> STATES = Set.of("due", "overdue", "completed");

    private final DebriefRepository repository;
    private final FollowUpRepository followUps;
    private final DebriefCompletions completions;
    private final DebriefPolicy policy;
    private final DebriefMarkdown markdown;
    private final DebriefProperties properties;
    private final JdbcTemplate jdbc;
    private final Scheduler blocking;
    private final Clock clock;

    public DebriefController(DebriefRepository repository, FollowUpRepository followUps, DebriefCompletions completions,
            DebriefPolicy policy, DebriefProperties properties, JdbcTemplate jdbc, Scheduler blockingScheduler,
            Clock clock) {
        this.repository = repository;
        this.followUps = followUps;
        this.completions = completions;
        this.policy = policy;
        this.markdown = new DebriefMarkdown(properties.getStatusPageUrl());
        this.properties = properties;
        this.jdbc = jdbc;
        this.blocking = blockingScheduler;
        this.clock = clock;
    }

    /** A section's new text. */
    public record SectionText(String text) {
    }

    /** Who completes the debrief. */
    public record Completion(String completedBy) {
    }

    @GetMapping("/api/v1/debriefs")
    public Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String state) {
        if (state != null && !STATES.contains(state)) {
            throw ApiProblem.badRequest("state", "'state' must be due, overdue or completed");
        }
        return Mono.fromCallable(() -> {
            Instant now = clock.instant();
            return repository.resolvedOrCompleted().stream()
                    .map(i -> summary(i, now))
                    .filter(d -> !"none".equals(d.get("state")))
                    .filter(d -> state == null || state.equals(d.get("state")))
                    .toList();
        }).subscribeOn(blocking);
    }

    @GetMapping("/api/v1/incidents/{id}/debrief")
    public Mono<ResponseEntity<Object>> document(@PathVariable String id,
            @RequestHeader(name = "Accept", required = false) String accept) {
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
        return Mono.fromCallable(() -> {
            IncidentRecord incident = incident(id);
            DebriefForm form = policy.formFor(incident.severity());
            Map<String, Object> summary = summary(incident, clock.instant());
            List<RenderedSection> sections = markdown.sections(form, incident, repository.timeline(id),
                    followUps.search(id, null, null, today()), repository.editedSections(id));
            String document = markdown.document(form, (String) summary.get("state"),
                    policy.dueAt(incident.resolvedAt()), incident, sections);
            if (!json) {
                return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
                        .body((Object) document);
            }
            summary.put("sections", sections);
            summary.put("markdown", document);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body((Object) summary);
        }).subscribeOn(blocking);
    }

    @PutMapping(path = "/api/v1/incidents/{id}/debrief/sections/{section}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> edit(@PathVariable String id, @PathVariable String section,
            @RequestBody SectionText body) {
        DebriefForm.Section known = DebriefForm.Section.byId(section)
                .orElseThrow(() -> ApiProblem.notFound("debrief section " + section));
        if (body.text() == null || body.text().isBlank()) {
            throw ApiProblem.invalid("text", "'text' is required");
        }
        if (body.text().length() > 50_000) {
            throw ApiProblem.invalid("text", "'text' is longer than 50,000 characters");
        }
        SecretDetector.first(body.text()).ifPresent(finding -> {
            throw ApiProblem.invalid("text", "'text' contains a " + finding.kind().description()
                    + "; sensitive data never enters a debrief");
        });
        return Mono.fromCallable(() -> {
            IncidentRecord incident = incident(id);
            if (!policy.formFor(incident.severity()).sections().contains(known)) {
                throw ApiProblem.notFound("section " + section + " in this incident's debrief form");
            }
            jdbc.update("""
                    INSERT INTO debrief_section (incident_id, section, text, edited_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (incident_id, section) DO UPDATE SET text = excluded.text, edited_at = excluded.edited_at""",
                    id, section, body.text(), Timestamp.from(clock.instant()));
            Map<String, Object> saved = new LinkedHashMap<>();
            saved.put("incidentId", id);
            saved.put("section", section);
            saved.put("edited", true);
            return saved;
        }).subscribeOn(blocking);
    }

    @PostMapping(path = "/api/v1/incidents/{id}/debrief/complete")
    public Mono<ResponseEntity<Map<String, Object>>> complete(@PathVariable String id,
            @RequestBody(required = false) Completion body) {
        String completedBy = body == null || body.completedBy() == null || body.completedBy().isBlank()
                ? "unknown" : body.completedBy().strip();
        if (completedBy.length() > 200 || SecretDetector.first(completedBy).isPresent()) {
            throw ApiProblem.invalid("completedBy", "'completedBy' must be a name or id");
        }
        return Mono.fromCallable(() -> {
            IncidentRecord incident = incident(id);
            if (incident.resolvedAt() == null && !"CLOSED".equals(incident.status())) {
                throw new ApiProblem(HttpStatus.CONFLICT, null, "Debrief after resolution: the incident is "
                        + incident.status());
            }
            int outstanding = followUps.search(id, "outstanding", null, today()).size();
            String url = properties.getPublicUrl() + "/api/v1/incidents/" + id + "/debrief";
            boolean completed = completions.complete(incident, policy.formFor(incident.severity()).name(), completedBy,
                    url, outstanding, clock.instant());
            if (!completed) {
                throw new ApiProblem(HttpStatus.CONFLICT, null, "The debrief is already complete");
            }
            Map<String, Object> result = summary(incident(id), clock.instant());
            result.put("debriefUrl", url);
            return ResponseEntity.ok(result);
        }).subscribeOn(blocking);
    }

    private Map<String, Object> summary(IncidentRecord incident, Instant now) {
        DebriefForm form = policy.formFor(incident.severity());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("incidentId", incident.id());
        summary.put("reference", incident.reference());
        summary.put("title", incident.title());
        summary.put("severity", incident.severity());
        summary.put("form", form.name());
        summary.put("state", policy.state(incident.severity(), incident.resolvedAt(), incident.debriefCompletedAt(), now));
        summary.put("resolvedAt", incident.resolvedAt());
        summary.put("dueAt", form.required() ? policy.dueAt(incident.resolvedAt()) : null);
        summary.put("completedAt", incident.debriefCompletedAt());
        return summary;
    }

    private IncidentRecord incident(String id) {
        return repository.incident(id).orElseThrow(() -> ApiProblem.notFound("incident " + id));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

}
