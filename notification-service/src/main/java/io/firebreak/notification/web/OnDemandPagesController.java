package io.firebreak.notification.web;

import io.firebreak.notification.engine.Acknowledgements.Acknowledger;
import io.firebreak.notification.engine.ActorKind;
import io.firebreak.notification.engine.Escalations.OnDemandPage;
import io.firebreak.notification.engine.OnDemandPaging;
import io.firebreak.notification.engine.OnDemandTarget;
import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.security.Caller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Paging someone by hand for an incident: a person, or the on-call of a schedule, team or service. */
@RestController
public class OnDemandPagesController {

    private final OnDemandPaging paging;
    private final Scheduler blocking;

    public OnDemandPagesController(OnDemandPaging paging, Scheduler blockingScheduler) {
        this.paging = paging;
        this.blocking = blockingScheduler;
    }

    /** Whom to page. */
    public record PageTarget(OnDemandTarget kind, String id) {
    }

    /** A page by hand: the target and an optional message for the people paged. */
    public record PageRequest(PageTarget target, String message) {
    }

    public record PagesView(String incidentId, List<OnDemandPage> pages) {
    }

    @PostMapping("/api/v1/incidents/{id}/pages")
    public Mono<ResponseEntity<PagesView>> page(@PathVariable String id, @RequestBody PageRequest body,
            ServerWebExchange exchange) {
        Caller caller = Caller.of(exchange);
        if (body.target() == null || body.target().kind() == null) {
            return Mono.error(ApiProblem.invalid("target.kind", "'target.kind' is required (PERSON, SCHEDULE, TEAM or SERVICE)"));
        }
        if (body.target().id() == null || body.target().id().isBlank()) {
            return Mono.error(ApiProblem.invalid("target.id", "'target.id' is required"));
        }
        if (body.message() != null && body.message().length() > 500) {
            return Mono.error(ApiProblem.invalid("message", "'message' is at most 500 characters"));
        }
        return Mono.fromCallable(() -> ResponseEntity.status(HttpStatus.CREATED).body(new PagesView(id,
                paging.page(id, body.target().kind(), body.target().id(), body.message(), new Acknowledger(caller.id(),
                        caller.displayName(), ActorKind.valueOf(caller.kind().name()))))))
                .subscribeOn(blocking);
    }
}
