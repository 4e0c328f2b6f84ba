package io.firebreak.command.web.incidents;

import io.firebreak.command.web.EnumParameters;

import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.security.Caller;
import io.firebreak.command.web.CallerActors;

import io.firebreak.command.api.Audience;
import io.firebreak.command.application.Declarations;
import io.firebreak.command.application.IncidentCommandGateway;
import io.firebreak.command.application.CommandInputs;
import io.firebreak.command.api.Commands.AddTimelineNote;
import io.firebreak.command.api.Commands.AssignRole;
import io.firebreak.command.api.Commands.AttachVideoBridge;
import io.firebreak.command.api.Commands.EditPublicWording;
import io.firebreak.command.api.Commands.HideStatusPage;
import io.firebreak.command.api.Commands.PublishStatusPage;
import io.firebreak.command.api.Commands.SendCustomerEmail;
import io.firebreak.command.api.Commands.SetComponentStatus;
import io.firebreak.command.api.ComponentStatus;
import io.firebreak.command.api.Commands.IdentifyCause;
import io.firebreak.command.api.Commands.JoinRole;
import io.firebreak.command.api.Commands.RecordContainmentStep;
import io.firebreak.command.api.ContainmentLever;
import io.firebreak.command.api.ContainmentOutcome;
import io.firebreak.command.api.ExposureKind;
import io.firebreak.command.api.Commands.ChangeCustomerImpact;
import io.firebreak.command.api.Commands.ChangeSeverity;
import io.firebreak.command.api.Commands.ChangeStatus;
import io.firebreak.command.api.Commands.CloseIncident;
import io.firebreak.command.api.Commands.PostUpdate;
import io.firebreak.command.api.Commands.ReopenIncident;
import io.firebreak.command.api.Commands.ResolveIncident;
import io.firebreak.command.api.IncidentRole;
import io.firebreak.command.api.IncidentSource;
import io.firebreak.command.api.IncidentStatus;
import io.firebreak.command.api.IncidentType;
import io.firebreak.command.api.NoteKind;
import io.firebreak.command.api.Severity;
import io.firebreak.command.domain.InvalidFieldException;
import io.firebreak.command.readmodel.IncidentEventHistory;
import io.firebreak.command.readmodel.IncidentEventRecord;
import io.firebreak.command.readmodel.IncidentView;
import io.firebreak.command.readmodel.IncidentViewRepository;
import io.firebreak.command.readmodel.IncidentViewRepository.IncidentSearch;
import io.firebreak.command.readmodel.IncidentViewRepository.Page;
import io.firebreak.command.readmodel.LiveEventFeed;
import io.firebreak.command.web.incidents.Requests.CloseRequest;
import io.firebreak.command.web.incidents.Requests.ContainmentRequest;
import io.firebreak.command.web.incidents.Requests.IdentifiedRequest;
import io.firebreak.command.web.incidents.Requests.VideoBridgeRequest;
import io.firebreak.command.web.incidents.Requests.ComponentStatusRequest;
import io.firebreak.command.web.incidents.Requests.CustomerEmailRequest;
import io.firebreak.command.web.incidents.Requests.HideRequest;
import io.firebreak.command.web.incidents.Requests.PublishRequest;
import io.firebreak.command.web.incidents.Requests.WordingRequest;
import io.firebreak.command.web.incidents.Requests.CustomerImpactRequest;
import io.firebreak.command.web.incidents.Requests.DeclareRequest;
import io.firebreak.command.web.incidents.Requests.NoteRequest;
import io.firebreak.command.web.incidents.Requests.PersonBody;
import io.firebreak.command.web.incidents.Requests.ReopenRequest;
import io.firebreak.command.web.incidents.Requests.ResolveRequest;
import io.firebreak.command.web.incidents.Requests.RoleRequest;
import io.firebreak.command.web.incidents.Requests.SeverityRequest;
import io.firebreak.command.web.incidents.Requests.StatusRequest;
import io.firebreak.command.web.incidents.Requests.UpdateRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** The incident write API and the dashboard reads, under {@code /api/v1/incidents}. */
@RestController
@RequestMapping(path = "/api/v1/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
public class IncidentController {

    private static final Pattern REFERENCE = Pattern.compile("INC-\\d+", Pattern.CASE_INSENSITIVE);
    private static final String SOURCE_HEADER = "X-Firebreak-Source";

    private final Declarations declarations;
    private final IncidentCommandGateway commands;
    private final IncidentViewRepository views;
    private final IncidentEventHistory history;
    private final LiveEventFeed liveFeed;
    private final Scheduler blocking;
    private final Clock clock;

    public IncidentController(Declarations declarations, IncidentCommandGateway commands,
            IncidentViewRepository views, IncidentEventHistory history, LiveEventFeed liveFeed,
            Scheduler blockingScheduler, Clock clock) {
        this.declarations = declarations;
        this.commands = commands;
        this.views = views;
        this.history = history;
        this.liveFeed = liveFeed;
        this.blocking = blockingScheduler;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> declare(@RequestBody DeclareRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = SOURCE_HEADER, required = false) String sourceHeader, ServerWebExchange exchange) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ApiProblem.badRequest("Idempotency-Key", "'Idempotency-Key' must be 1 to 200 characters");
        }
        Severity severity = CommandInputs.severity(body.severity());
        IncidentSource source = clientSource(sourceHeader);
        IncidentType type = EnumParameters.parse("type", body.type(), IncidentType.class);
        List<ExposureKind> exposure = EnumParameters.parseAll("suspectedExposure", body.suspectedExposure(),
                ExposureKind.class);
        Declarations.Declaration declaration = new Declarations.Declaration(body.title(), body.summary(), severity,
                body.severity(), Boolean.TRUE.equals(body.customerImpact()),
                body.affectedServices() == null ? List.of() : body.affectedServices(),
                PersonBody.toPerson(body.incidentLead()), source, null, null, type, Boolean.TRUE.equals(body.drill()),
                exposure, body.videoBridgeUrl());
        return declarations.declare(declaration, CallerActors.of(Caller.of(exchange)), idempotencyKey,
                        Boolean.TRUE.equals(body.force()))
                .map(declared -> ResponseEntity.created(URI.create("/api/v1/incidents/" + declared.incident().id()))
                        .eTag(etag(declared.incident()))
                        .header("Idempotent-Replayed", Boolean.toString(!declared.created()))
                        .body(declared.incident()));
    }

    @GetMapping
    public Mono<Page> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String severity, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) String type, @RequestParam(required = false) Boolean drill,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw ApiProblem.badRequest("page", "'page' must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ApiProblem.badRequest("size", "'size' must be between 1 and 200");
        }
        Severity severityFilter = CommandInputs.severity(severity);
        IncidentSearch search = new IncidentSearch(EnumParameters.parse("status", status, IncidentStatus.class),
                severityFilter, open, EnumParameters.parse("type", type, IncidentType.class), drill, page, size);
        return Mono.fromCallable(() -> views.search(search)).subscribeOn(blocking);
    }

    @GetMapping("/{idOrReference}")
    public Mono<ResponseEntity<IncidentView>> get(@PathVariable String idOrReference) {
        return find(idOrReference).map(view -> ResponseEntity.ok().eTag(etag(view)).body(view));
    }

    @GetMapping("/{id}/events")
    public Mono<List<IncidentEventRecord>> events(@PathVariable String id) {
        return find(id).flatMap(view -> Mono.fromCallable(() -> history.of(view.id())).subscribeOn(blocking));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<IncidentEventRecord>> stream() {
        Flux<ServerSentEvent<IncidentEventRecord>> events = liveFeed.events()
                .map(event -> ServerSentEvent.builder(event).id(event.eventId()).event(event.type()).build());
        Flux<ServerSentEvent<IncidentEventRecord>> heartbeats = Flux.interval(Duration.ofSeconds(15))
                .map(tick -> ServerSentEvent.<IncidentEventRecord>builder().comment("keep-alive").build());
        // a first comment commits the response headers at once, so clients see the stream open
        ServerSentEvent<IncidentEventRecord> hello = ServerSentEvent.<IncidentEventRecord>builder().comment("connected")
                .build();
        return Flux.concat(Flux.just(hello), Flux.merge(events, heartbeats));
    }

    @PostMapping(path = "/{id}/severity", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> severity(@PathVariable String id, @RequestBody SeverityRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        Severity severity = CommandInputs.severity(body.severity());
        return execute(id, ifMatch, exchange, version -> new ChangeSeverity(id, severity, body.reason(), version));
    }

    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> status(@PathVariable String id, @RequestBody StatusRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        IncidentStatus status = EnumParameters.parse("status", body.status(), IncidentStatus.class);
        return execute(id, ifMatch, exchange, version -> new ChangeStatus(id, status, body.note(), version));
    }

    @PostMapping(path = "/{id}/updates", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> update(@PathVariable String id, @RequestBody UpdateRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        Audience audience = EnumParameters.parse("audience", body.audience(), Audience.class);
        Instant next = nextUpdateAt(body);
        String updateId = UUID.randomUUID().toString();
        return execute(id, ifMatch, exchange, version -> new PostUpdate(id, updateId, audience,
                body.whatIsHappening(), body.whoIsAffected(), body.whatWeAreDoing(), next, body.whatYouCanDo(),
                version));
    }

    @PostMapping(path = "/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> note(@PathVariable String id, @RequestBody NoteRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        NoteKind kind = EnumParameters.parse("kind", body.kind(), NoteKind.class);
        return execute(id, ifMatch, exchange, version -> new AddTimelineNote(id, kind, body.text(), version));
    }

    @PostMapping(path = "/{id}/customer-impact", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> customerImpact(@PathVariable String id,
            @RequestBody CustomerImpactRequest body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            ServerWebExchange exchange) {
        if (body.customerImpact() == null) {
            throw new InvalidFieldException("customerImpact", "'customerImpact' is required");
        }
        List<String> services = body.affectedServices() == null ? List.of() : body.affectedServices();
        return execute(id, ifMatch, exchange,
                version -> new ChangeCustomerImpact(id, body.customerImpact(), services, version));
    }

    @PostMapping(path = "/{id}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> resolve(@PathVariable String id, @RequestBody ResolveRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        return execute(id, ifMatch, exchange,
                version -> new ResolveIncident(id, body.resolution(), body.mitigatedAt(), version));
    }

    @PostMapping(path = "/{id}/reopen", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> reopen(@PathVariable String id, @RequestBody ReopenRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        return execute(id, ifMatch, exchange, version -> new ReopenIncident(id, body.reason(), version));
    }

    @PostMapping(path = "/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> close(@PathVariable String id, @RequestBody CloseRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        return execute(id, ifMatch, exchange, version -> new CloseIncident(id, body.debriefUrl(), version));
    }

    @PutMapping(path = "/{id}/roles/{role}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> assignRole(@PathVariable String id, @PathVariable String role,
            @RequestBody RoleRequest body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            ServerWebExchange exchange) {
        IncidentRole incidentRole = EnumParameters.parse("role", role, IncidentRole.class);
        return execute(id, ifMatch, exchange,
                version -> new AssignRole(id, incidentRole, PersonBody.toPerson(body.assignee()), version));
    }

    /**
     * Adds a holder beside the role's holders (several investigators) where {@code PUT /roles/{role}} replaces them:
     * {@code POST /roles/investigation-owner/members}. Only INVESTIGATION_OWNER has several holders (else 422, field
     * {@code role}).
     */
    @PostMapping(path = "/{id}/roles/{role}/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> joinRole(@PathVariable String id, @PathVariable String role,
            @RequestBody RoleRequest body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            ServerWebExchange exchange) {
        IncidentRole incidentRole = EnumParameters.parse("role", role, IncidentRole.class);
        return execute(id, ifMatch, exchange,
                version -> new JoinRole(id, incidentRole, PersonBody.toPerson(body.assignee()), version));
    }

    /** A step of the containment checklist (docs/process.md#containment), in the levers' order. */
    @PostMapping(path = "/{id}/containment", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> containment(@PathVariable String id, @RequestBody ContainmentRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        ContainmentLever lever = EnumParameters.parse("lever", body.lever(), ContainmentLever.class);
        ContainmentOutcome outcome = EnumParameters.parse("outcome", body.outcome(), ContainmentOutcome.class);
        return execute(id, ifMatch, exchange,
                version -> new RecordContainmentStep(id, lever, outcome, body.note(), version));
    }

    /** The "identified" milestone: what causes the impact. */
    @PostMapping(path = "/{id}/identified", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> identified(@PathVariable String id, @RequestBody IdentifiedRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        return execute(id, ifMatch, exchange, version -> new IdentifyCause(id, body.cause(), version));
    }

    @PutMapping(path = "/{id}/video-bridge", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> videoBridge(@PathVariable String id, @RequestBody VideoBridgeRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        return execute(id, ifMatch, exchange, version -> new AttachVideoBridge(id, body.url(), version));
    }

    /** The comms owner publishes the incident on the status page now (issue 17); never a drill. */
    @PostMapping(path = "/{id}/status-page/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> publish(@PathVariable String id, @RequestBody PublishRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        return execute(id, ifMatch, exchange,
                version -> new PublishStatusPage(id, body.publicTitle(), body.publicMessage(), version));
    }

    @PostMapping(path = "/{id}/status-page/hide", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> hide(@PathVariable String id, @RequestBody HideRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        return execute(id, ifMatch, exchange, version -> new HideStatusPage(id, body.reason(), version));
    }

    @PutMapping(path = "/{id}/status-page/wording", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> wording(@PathVariable String id, @RequestBody WordingRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        return execute(id, ifMatch, exchange,
                version -> new EditPublicWording(id, body.publicTitle(), body.publicMessage(), version));
    }

    /** {@code component} is the status page's id; incident-command does not know the page's components. */
    @PutMapping(path = "/{id}/status-page/components/{component}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> componentStatus(@PathVariable String id, @PathVariable String component,
            @RequestBody ComponentStatusRequest body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            ServerWebExchange exchange) {
        ComponentStatus status = EnumParameters.parse("status", body.status(), ComponentStatus.class);
        return execute(id, ifMatch, exchange, version -> new SetComponentStatus(id, component, status, version));
    }

    /** The customer e-mail of a Critical or Major incident; each call sends it again. */
    @PostMapping(path = "/{id}/customer-email", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<IncidentView>> customerEmail(@PathVariable String id,
            @RequestBody CustomerEmailRequest body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            ServerWebExchange exchange) {
        return execute(id, ifMatch, exchange,
                version -> new SendCustomerEmail(id, body.subject(), body.message(), version));
    }

    private Mono<ResponseEntity<IncidentView>> execute(String id, String ifMatch, ServerWebExchange exchange,
            Function<Long, Object> command) {
        Long expectedVersion = IfMatch.parse(ifMatch);
        Caller caller = Caller.of(exchange);
        if (!CommandInputs.isIncidentId(id)) {
            return Mono.error(CommandInputs.noSuchIncident());
        }
        // without If-Match nothing needs the incident before the command: Axon answers an unknown id (404), and the
        // command is built here, so a bad body is a 400 before the incident's lane is waited for
        Object unconditional = expectedVersion == null ? command.apply(null) : null;
        Supplier<Object> checked = () -> {
            if (expectedVersion == null) {
                return unconditional;
            }
            long current = read(id).version();
            if (expectedVersion != current) {
                throw IfMatch.mismatch(expectedVersion, current);
            }
            return command.apply(expectedVersion);
        };
        return commands.inTurn(id, () -> commands.sendThenRead(id, checked, CallerActors.of(caller).toMetaData(),
                        () -> read(id)))
                .map(view -> ResponseEntity.ok().eTag(etag(view)).body(view));
    }

    /** The incident's view; blocking. */
    private IncidentView read(String id) {
        return views.findById(id).orElseThrow(() -> CommandInputs.unknownIncident(id));
    }

    private Mono<IncidentView> existing(String id) {
        if (!CommandInputs.isIncidentId(id)) {
            // neither an id nor a reference: answered without a query, and never echoed
            return Mono.error(CommandInputs.noSuchIncident());
        }
        return Mono.fromCallable(() -> read(id)).subscribeOn(blocking);
    }

    private Mono<IncidentView> find(String idOrReference) {
        if (REFERENCE.matcher(idOrReference).matches()) {
            String reference = idOrReference.toUpperCase(java.util.Locale.ROOT);
            return Mono.fromCallable(() -> views.findByReference(reference)
                    .orElseThrow(() -> ApiProblem.notFound("incident " + idOrReference))).subscribeOn(blocking);
        }
        return existing(idOrReference);
    }

    private Instant nextUpdateAt(UpdateRequest body) {
        if (body.nextUpdateAt() != null && body.nextUpdateInMinutes() != null) {
            throw new InvalidFieldException("nextUpdateInMinutes", "Give 'nextUpdateAt' or 'nextUpdateInMinutes', not both");
        }
        if (body.nextUpdateInMinutes() != null) {
            int minutes = body.nextUpdateInMinutes();
            if (minutes < 1 || minutes > 24 * 60) {
                throw new InvalidFieldException("nextUpdateInMinutes", "'nextUpdateInMinutes' must be 1 to 1440");
            }
            return clock.instant().plus(Duration.ofMinutes(minutes));
        }
        return body.nextUpdateAt();
    }

    private static IncidentSource clientSource(String header) {
        if (header == null || header.isBlank()) {
            return IncidentSource.API;
        }
        IncidentSource source = EnumParameters.parse(SOURCE_HEADER, header, IncidentSource.class);
        if (source != IncidentSource.API && source != IncidentSource.CLI && source != IncidentSource.SLACK) {
            throw ApiProblem.badRequest(SOURCE_HEADER, "'" + SOURCE_HEADER + "' may be API, CLI or SLACK;"
                    + " monitoring declares through /api/v1/integrations");
        }
        return source;
    }

    private static String etag(IncidentView view) {
        return "\"" + view.version() + "\"";
    }
}
