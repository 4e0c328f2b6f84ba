package io.firebreak.debrief.web;

import io.firebreak.debrief.config.DebriefProperties;
import io.firebreak.debrief.domain.ContainmentChecklist;
import io.firebreak.debrief.domain.DebriefCompleteness;
import io.firebreak.debrief.domain.DebriefForm;
import io.firebreak.debrief.domain.DebriefForm.Section;
import io.firebreak.debrief.domain.DebriefPolicy;
import io.firebreak.debrief.domain.FollowUpStatus;
import io.firebreak.debrief.readmodel.DebriefCompletions;
import io.firebreak.debrief.readmodel.DebriefRepository;
import io.firebreak.debrief.readmodel.EditedSection;
import io.firebreak.debrief.readmodel.FollowUp;
import io.firebreak.debrief.readmodel.FollowUpRepository;
import io.firebreak.debrief.readmodel.IncidentRecord;
import io.firebreak.debrief.readmodel.Person;
import io.firebreak.debrief.readmodel.TimelineEntry;
import io.firebreak.debrief.web.DebriefMarkdown.RenderedSection;
import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.problem.ProblemType;
import io.firebreak.support.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Debriefs: which are due, the prefilled document, edited sections and completion. Edits and completions are
 * attributed to the person behind the credential.
 */
@RestController
public class DebriefController {

    private static final Set<String> STATES = Set.of("due", "overdue", "completed");

    private final DebriefRepository repository;
    private final FollowUpRepository followUps;
    private final DebriefCompletions completions;
    private final DebriefPolicy policy;
    private final DebriefMarkdown markdown;
    private final DebriefProperties properties;
    private final Scheduler blocking;
    private final Clock clock;

    public DebriefController(DebriefRepository repository, FollowUpRepository followUps, DebriefCompletions completions,
            DebriefPolicy policy, DebriefProperties properties, Scheduler blockingScheduler, Clock clock) {
        this.repository = repository;
        this.followUps = followUps;
        this.completions = completions;
        this.policy = policy;
        this.markdown = new DebriefMarkdown(properties.getStatusPageUrl());
        this.properties = properties;
        this.blocking = blockingScheduler;
        this.clock = clock;
    }

    /** A section's new text. */
    public record SectionText(String text) {
    }

    /**
     * A completion: who completed is the caller, never a field (a stale client still sending {@code completedBy} is
     * told so: 400, unknown field). {@code noFollowUpNeeded} is the explicit answer of a debrief that ends without
     * an owned action item.
     */
    public record Completion(NoFollowUpNeeded noFollowUpNeeded) {
    }

    /** Why this incident needs no follow-up action. */
    public record NoFollowUpNeeded(String reason) {
    }

    /** A debrief in a list: which incident (its type, and whether it was a drill), which form, where it stands. */
    public record DebriefSummary(String incidentId, String reference, String title, String severity,
            String incidentType, boolean drill, String form, String state, Instant resolvedAt, Instant dueAt,
            Instant completedAt, Double rank) {
    }

    /**
     * The debrief document as JSON: the summary, every section, the containment checklist (the levers in the
     * process's order, each with its state and steps) and the Markdown.
     */
    public record DebriefDocument(String incidentId, String reference, String title, String severity,
            String incidentType, boolean drill, String form, String state, Instant resolvedAt, Instant dueAt,
            Instant completedAt, List<RenderedSection> sections, List<ContainmentChecklist.Item> containment,
            String markdown) {
    }

    /** A completed debrief and the link to it (usable as the incident's close link). */
    public record CompletedDebrief(String incidentId, String reference, String title, String severity, String form,
            String state, Instant resolvedAt, Instant dueAt, Instant completedAt, String debriefUrl) {
    }

    /** A saved section: who wrote it and when. */
    public record SavedSection(String incidentId, String section, boolean edited, Instant editedAt,
            Person editedBy) {
    }

    /**
     * Debriefs by state and, with {@code q}, full-text search over the title, the sections and the follow-ups
     * (PostgreSQL, web-search syntax), best match first; {@code rank} is only set for a search.
     */
    @GetMapping("/api/v1/debriefs")
    public Mono<List<DebriefSummary>> list(@RequestParam(required = false) String state,
            @RequestParam(required = false) String q) {
        if (state != null && !STATES.contains(state)) {
            throw ApiProblem.badRequest("state", "'state' must be due, overdue or completed");
        }
        String query = query(q);
        return Mono.fromCallable(() -> {
            Instant now = clock.instant();
            List<DebriefSummary> found = query == null
                    ? repository.resolvedOrCompleted().stream().map(i -> summary(i, now, null)).toList()
                    : repository.search(query).stream().map(h -> summary(h.incident(), now, h.rank())).toList();
            return found.stream()
                    .filter(d -> !"none".equals(d.state()))
                    .filter(d -> state == null || state.equals(d.state()))
                    .toList();
        }).subscribeOn(blocking);
    }

    /** A search text: up to 200 characters, no control characters (PostgreSQL refuses a NUL in a parameter). */
    private static String query(String q) {
        if (q == null) {
            return null;
        }
        if (q.isBlank()) {
            throw ApiProblem.invalid("q", "'q' is empty: give words to search for, or leave it out");
        }
        if (q.length() > 200) {
            throw ApiProblem.invalid("q", "'q' is longer than 200 characters");
        }
        if (q.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.badRequest("q", "'q' contains a control character");
        }
        return q.strip();
    }

    @GetMapping("/api/v1/incidents/{id}/debrief")
    public Mono<ResponseEntity<Object>> document(@PathVariable String id,
            @RequestHeader(name = "Accept", required = false) String accept) {
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
        return Mono.fromCallable(() -> {
            IncidentRecord incident = incident(id);
            DebriefForm form = policy.formFor(incident.severity());
            DebriefSummary s = summary(incident, clock.instant());
            List<TimelineEntry> timeline = repository.timeline(id);
            List<RenderedSection> sections = markdown.sections(form, incident, timeline,
                    followUps.search(id, null, null, today()), repository.editedSections(id));
            List<ContainmentChecklist.Item> containment = DebriefMarkdown.containment(timeline);
            String document = markdown.document(form, s.state(), policy.dueAt(incident.resolvedAt()), incident,
                    sections, containment);
            if (!json) {
                return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
                        .body((Object) document);
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body((Object) new DebriefDocument(
                    s.incidentId(), s.reference(), s.title(), s.severity(), s.incidentType(), s.drill(), s.form(),
                    s.state(), s.resolvedAt(), s.dueAt(), s.completedAt(), sections, containment, document));
        }).subscribeOn(blocking);
    }

    @PutMapping(path = "/api/v1/incidents/{id}/debrief/sections/{section}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<SavedSection> edit(@PathVariable String id, @PathVariable String section,
            @RequestBody SectionText body, ServerWebExchange exchange) {
        Caller caller = Caller.of(exchange);
        DebriefForm.Section known = DebriefForm.Section.byId(section)
                .orElseThrow(() -> ApiProblem.notFound("debrief section " + section));
        if (body.text() == null || body.text().isBlank()) {
            throw ApiProblem.invalid("text", "'text' is required");
        }
        if (body.text().length() > 50_000) {
            throw ApiProblem.invalid("text", "'text' is longer than 50,000 characters");
        }
        return Mono.fromCallable(() -> {
            IncidentRecord incident = incident(id);
            if (!policy.formFor(incident.severity()).sections().contains(known)) {
                throw ApiProblem.notFound("section " + section + " in this incident's debrief form");
            }
            EditedSection saved = repository.saveSection(id, section, body.text(),
                    new Person(caller.id(), caller.displayName()), clock.instant());
            return new SavedSection(saved.incidentId(), saved.section(), true, saved.editedAt(), saved.editedBy());
        }).subscribeOn(blocking);
    }

    @PostMapping(path = "/api/v1/incidents/{id}/debrief/complete")
    public Mono<CompletedDebrief> complete(@PathVariable String id,
            @RequestBody(required = false) Completion body, ServerWebExchange exchange) {
        Caller caller = Caller.of(exchange);
        String reason = noFollowUpReason(body);
        return Mono.fromCallable(() -> {
            IncidentRecord incident = incident(id);
            if (incident.resolvedAt() == null && !"CLOSED".equals(incident.status())) {
                throw ApiProblem.conflict(null, "Debrief after resolution: the incident is " + incident.status());
            }
            if (incident.debriefCompletedAt() != null) {
                throw ApiProblem.conflict(null, "The debrief is already complete");
            }
            DebriefForm form = policy.formFor(incident.severity());
            List<FollowUp> actions = followUps.search(id, null, null, today());
            List<String> missing = missing(form, incident, actions, reason);
            if (!missing.isEmpty()) {
                throw new ApiProblem(HttpStatus.CONFLICT, ProblemType.RULE_VIOLATED, missing.get(0),
                        "The debrief cannot be completed yet; missing: " + String.join(", ", missing)
                                + " (every section of the " + form.name().toLowerCase(Locale.ROOT)
                                + " form with real text, and a follow-up with an owner and a due date or"
                                + " 'noFollowUpNeeded' with a reason)",
                        Map.of("missing", missing));
            }
            int outstanding = (int) actions.stream().filter(f -> "outstanding".equals(f.status())).count();
            String url = properties.getPublicUrl() + "/api/v1/incidents/" + id + "/debrief";
            boolean completed = completions.complete(incident, form.name(), caller.id(), caller.displayName(), url,
                    outstanding, reason, clock.instant());
            if (!completed) {
                throw ApiProblem.conflict(null, "The debrief is already complete");
            }
            DebriefSummary s = summary(incident(id), clock.instant());
            return new CompletedDebrief(s.incidentId(), s.reference(), s.title(), s.severity(), s.form(), s.state(),
                    s.resolvedAt(), s.dueAt(), s.completedAt(), url);
        }).subscribeOn(blocking);
    }

    /** What the completion rule finds missing in the document as it reads now. */
    private List<String> missing(DebriefForm form, IncidentRecord incident, List<FollowUp> actions, String reason) {
        Map<Section, String> texts = new EnumMap<>(Section.class);
        for (RenderedSection section : markdown.sections(form, incident, repository.timeline(incident.id()), actions,
                repository.editedSections(incident.id()))) {
            Section.byId(section.id()).ifPresent(s -> texts.put(s, section.text()));
        }
        return DebriefCompleteness.missing(form, texts, actions.stream()
                .map(f -> new DebriefCompleteness.Action(f.owner(), f.dueDate(),
                        FollowUpStatus.parse(f.status()).orElse(FollowUpStatus.OUTSTANDING)))
                .toList(), reason);
    }

    private static String noFollowUpReason(Completion body) {
        if (body == null || body.noFollowUpNeeded() == null) {
            return null;
        }
        String reason = body.noFollowUpNeeded().reason();
        if (reason == null || DebriefCompleteness.placeholder(reason)) {
            throw ApiProblem.invalid("noFollowUpNeeded.reason",
                    "'noFollowUpNeeded.reason' is required: say why this incident needs no follow-up");
        }
        if (reason.length() > 2_000) {
            throw ApiProblem.invalid("noFollowUpNeeded.reason", "'noFollowUpNeeded.reason' is longer than 2,000 characters");
        }
        return reason.strip();
    }

    private DebriefSummary summary(IncidentRecord incident, Instant now) {
        return summary(incident, now, null);
    }

    private DebriefSummary summary(IncidentRecord incident, Instant now, Double rank) {
        DebriefForm form = policy.formFor(incident.severity());
        return new DebriefSummary(incident.id(), incident.reference(), incident.title(), incident.severity(),
                incident.incidentType(), incident.drill(), form.name(), policy.state(incident.severity(), incident.resolvedAt(), incident.debriefCompletedAt(), now),
                incident.resolvedAt(), form.required() ? policy.dueAt(incident.resolvedAt()) : null,
                incident.debriefCompletedAt(), rank);
    }

    private IncidentRecord incident(String id) {
        return repository.incident(Ids.checked("id", id)).orElseThrow(() -> ApiProblem.notFound("incident " + id));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
