package io.firebreak.notification.web;

import io.firebreak.notification.engine.Acknowledgements;
import io.firebreak.notification.engine.Acknowledgements.Acknowledger;
import io.firebreak.notification.engine.ActorKind;
import io.firebreak.notification.readmodel.EscalationQueries;
import io.firebreak.notification.readmodel.EscalationSummary;
import io.firebreak.notification.readmodel.EscalationView;
import io.firebreak.notification.readmodel.NotificationsView;
import io.firebreak.notification.readmodel.ResponderPage;
import io.firebreak.notification.readmodel.ResponderPages;
import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.security.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Acknowledging pages, and what was sent where: the escalation and every notification with its delivery state.
 * The acknowledger is the person behind the credential.
 */
@RestController
public class PagingController {

    private final Acknowledgements acknowledgements;
    private final EscalationQueries queries;
    private final ResponderPages responderPages;
    private final Scheduler blocking;

    public PagingController(Acknowledgements acknowledgements, EscalationQueries queries,
            ResponderPages responderPages, Scheduler blockingScheduler) {
        this.acknowledgements = acknowledgements;
        this.queries = queries;
        this.responderPages = responderPages;
        this.blocking = blockingScheduler;
    }

    /**
     * An ack carries nothing: who acknowledges is the credential's person. Declared (rather than no body at all) so
     * that a body naming someone, such as the former {@code by}, is refused as an unknown field instead of ignored.
     */
    public record AckRequest() {
    }

    @PostMapping("/api/v1/pages/{pageId}/ack")
    public Mono<EscalationView> ackPage(@PathVariable String pageId, @RequestBody(required = false) AckRequest body,
            ServerWebExchange exchange) {
        Acknowledger by = acknowledger(Caller.of(exchange));
        return Mono.fromCallable(() -> {
            String incidentId = acknowledgements.page(pageId, by)
                    .orElseThrow(() -> ApiProblem.notFound("page with this id"));
            return escalation(incidentId);
        }).subscribeOn(blocking);
    }

    @PostMapping("/api/v1/incidents/{id}/ack")
    public Mono<EscalationView> ackIncident(@PathVariable String id, @RequestBody(required = false) AckRequest body,
            ServerWebExchange exchange) {
        Acknowledger by = acknowledger(Caller.of(exchange));
        return Mono.fromCallable(() -> {
            acknowledgements.latestPageOf(id, by).orElseThrow(() -> ApiProblem.notFound("page for this incident"));
            return escalation(id);
        }).subscribeOn(blocking);
    }

    @GetMapping("/api/v1/incidents/{id}/escalation")
    public Mono<EscalationView> escalationOf(@PathVariable String id) {
        return Mono.fromCallable(() -> escalation(id)).subscribeOn(blocking);
    }

    /** Every open incident's paging at a glance (the console's board): one query, whatever the number of incidents. */
    @GetMapping("/api/v1/escalations")
    public Mono<List<EscalationSummary>> escalations() {
        return Mono.fromCallable(queries::openEscalations).subscribeOn(blocking);
    }

    /** The caller's own pages, newest first: the person whose id (or e-mail) is the credential's actor id. */
    @GetMapping("/api/v1/me/pages")
    public Mono<List<ResponderPage>> myPages(ServerWebExchange exchange) {
        String actorId = Caller.of(exchange).id();
        return Mono.fromCallable(() -> responderPages.of(actorId)).subscribeOn(blocking);
    }

    @GetMapping("/api/v1/incidents/{id}/notifications")
    public Mono<NotificationsView> notifications(@PathVariable String id) {
        return Mono.fromCallable(() -> queries.notifications(id)).subscribeOn(blocking);
    }

    /** Problems never repeat a submitted value, so not the id from the path either. */
    private EscalationView escalation(String incidentId) {
        return queries.escalation(incidentId)
                .orElseThrow(() -> ApiProblem.notFound("escalation for this incident"));
    }

    /** The engine's own actor kind, by name: the web layer passes no event-schema type on. */
    private static Acknowledger acknowledger(Caller caller) {
        return new Acknowledger(caller.id(), caller.displayName(), ActorKind.valueOf(caller.kind().name()));
    }
}
