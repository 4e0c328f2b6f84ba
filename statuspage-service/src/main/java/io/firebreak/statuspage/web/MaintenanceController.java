package io.firebreak.statuspage.web;

import io.firebreak.schemas.sensitive.PersonalData;
import io.firebreak.statuspage.domain.MaintenanceStatus;
import io.firebreak.statuspage.readmodel.ComponentCatalog;
import io.firebreak.statuspage.readmodel.Maintenance;
import io.firebreak.statuspage.readmodel.MaintenanceRepository;
import io.firebreak.statuspage.readmodel.MaintenanceRepository.Plan;
import io.firebreak.statuspage.readmodel.StatusModelStore;
import io.firebreak.support.input.TextPolicy;
import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.security.Caller;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Scheduled maintenance, announced and run by the comms owner ({@code statuspage:write}); the public sees it on the
 * page, the feeds and the v2 {@code scheduled-maintenances} documents. Who announced or changed it is the person
 * behind the credential. The text is public, so a credential, a card number or personal data in it is refused
 * (422 naming the field), as are an end before the start and a component the page does not have. Every change runs on
 * the blocking scheduler and re-renders the page before it answers.
 */
@RestController
public class MaintenanceController {

    static final String BASE = "/api/v1/status-page/maintenances";
    private static final int MAX_TITLE = 200;
    private static final int MAX_MESSAGE = 10_000;

    private final MaintenanceRepository maintenances;
    private final ComponentCatalog catalog;
    private final StatusModelStore store;
    private final Scheduler blocking;
    private final Clock clock;

    public MaintenanceController(MaintenanceRepository maintenances, ComponentCatalog catalog, StatusModelStore store,
            @Qualifier("blockingScheduler") Scheduler blocking, Clock clock) {
        this.maintenances = maintenances;
        this.catalog = catalog;
        this.store = store;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** The request body of an announcement or an edit. */
    /** {@code autoStart}/{@code autoComplete}: at the scheduled times by themselves (default true, as Statuspage). */
    public record MaintenanceRequest(String title, String message, List<String> components, Instant scheduledFor,
            Instant scheduledUntil, Boolean autoStart, Boolean autoComplete) {
    }

    @PostMapping(path = BASE, consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Maintenance>> announce(@RequestBody MaintenanceRequest body, ServerWebExchange exchange) {
        Plan plan = plan(body);
        String by = by(exchange);
        return blocking(() -> {
            Maintenance announced = maintenances.announce(plan, by, clock.instant());
            return ResponseEntity.created(URI.create(BASE + "/" + announced.id())).body(announced);
        });
    }

    @PutMapping(path = BASE + "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Maintenance>> edit(@PathVariable String id, @RequestBody MaintenanceRequest body,
            ServerWebExchange exchange) {
        Plan plan = plan(body);
        String by = by(exchange);
        return blocking(() -> ResponseEntity.ok(closedIfEmpty(id, maintenances.edit(id, plan, by, clock.instant()))));
    }

    @PostMapping(BASE + "/{id}/start")
    public Mono<ResponseEntity<Maintenance>> start(@PathVariable String id, ServerWebExchange exchange) {
        return move(id, List.of(MaintenanceStatus.SCHEDULED), MaintenanceStatus.IN_PROGRESS, exchange);
    }

    @PostMapping(BASE + "/{id}/complete")
    public Mono<ResponseEntity<Maintenance>> complete(@PathVariable String id, ServerWebExchange exchange) {
        return move(id, List.of(MaintenanceStatus.SCHEDULED, MaintenanceStatus.IN_PROGRESS,
                MaintenanceStatus.VERIFYING), MaintenanceStatus.COMPLETED, exchange);
    }

    /** Cancels it: it leaves the page, the feeds and the documents. */
    @DeleteMapping(BASE + "/{id}")
    public Mono<ResponseEntity<Maintenance>> cancel(@PathVariable String id, ServerWebExchange exchange) {
        return move(id, List.of(MaintenanceStatus.SCHEDULED, MaintenanceStatus.IN_PROGRESS,
                MaintenanceStatus.VERIFYING), MaintenanceStatus.CANCELLED, exchange);
    }

    private Mono<ResponseEntity<Maintenance>> move(String id, List<MaintenanceStatus> from, MaintenanceStatus to,
            ServerWebExchange exchange) {
        String by = by(exchange);
        return blocking(() -> ResponseEntity.ok(closedIfEmpty(id, maintenances.move(id, from, to, by,
                clock.instant()))));
    }

    /** Runs the change off the event loop and renders the page before answering, so the caller sees it at once. */
    private <T> Mono<T> blocking(Callable<T> change) {
        return Mono.fromCallable(() -> {
            T result = change.call();
            store.refresh();
            return result;
        }).subscribeOn(blocking);
    }

    /** 404 when there is no such maintenance, 409 when its status does not allow the change. */
    private Maintenance closedIfEmpty(String id, Optional<Maintenance> changed) {
        return changed.orElseThrow(() -> maintenances.find(id).isEmpty()
                ? ApiProblem.notFound("maintenance " + id)
                : ApiProblem.conflict("status", "The maintenance is " + maintenances.find(id).get().status()
                        + "; that change is not possible any more"));
    }

    private Plan plan(MaintenanceRequest body) {
        if (body == null) {
            throw ApiProblem.badRequest(null, "A JSON body is required");
        }
        String title = publicText("title", body.title(), MAX_TITLE);
        if (title == null) {
            throw ApiProblem.invalid("title", "'title' is required");
        }
        String message = publicText("message", body.message(), MAX_MESSAGE);
        if (body.scheduledFor() == null) {
            throw ApiProblem.invalid("scheduledFor", "'scheduledFor' is required");
        }
        if (body.scheduledUntil() == null) {
            throw ApiProblem.invalid("scheduledUntil", "'scheduledUntil' is required");
        }
        if (!body.scheduledUntil().isAfter(body.scheduledFor())) {
            throw ApiProblem.invalid("scheduledUntil", "'scheduledUntil' must be after 'scheduledFor'");
        }
        List<String> components = body.components() == null ? List.of() : body.components();
        for (String component : components) {
            if (component == null || catalog.find(component).isEmpty()) {
                throw ApiProblem.invalid("components", "'components' names a component the status page does not have;"
                        + " known: " + catalog.all().stream().map(c -> c.getId()).toList());
            }
        }
        List<String> unique = List.copyOf(new LinkedHashSet<>(components));
        if (message == null) {
            message = "We will be performing scheduled maintenance" + (unique.isEmpty() ? "."
                    : " on " + String.join(", ", unique.stream()
                            .map(id -> catalog.find(id).orElseThrow().getName()).toList()) + ".");
        }
        return new Plan(title, message, unique, body.scheduledFor(), body.scheduledUntil(),
                !Boolean.FALSE.equals(body.autoStart()), !Boolean.FALSE.equals(body.autoComplete()));
    }

    /** Public text: no secret (TextPolicy), no personal data (the page is public), not blank, bounded. */
    private static String publicText(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        TextPolicy.accept(field, text);
        if (PersonalData.contains(text)) {
            throw ApiProblem.invalid(field, "'" + field + "' contains personal data (an e-mail address or phone"
                    + " number); the status page is public");
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw ApiProblem.invalid(field, "'" + field + "' is longer than " + max + " characters");
        }
        return stripped;
    }

    private static String by(ServerWebExchange exchange) {
        return Caller.of(exchange).id();
    }
}
