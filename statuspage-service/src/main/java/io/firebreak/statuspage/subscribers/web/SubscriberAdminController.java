package io.firebreak.statuspage.subscribers.web;

import io.firebreak.statuspage.subscribers.storage.Subscribers;
import io.firebreak.support.problem.ApiProblem;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Subscribers for the comms owner ({@code statuspage:write}): the list (addresses masked) and deletion. */
@RestController
public class SubscriberAdminController {

    private final Subscribers subscribers;
    private final Scheduler blocking;

    public SubscriberAdminController(Subscribers subscribers, @Qualifier("blockingScheduler") Scheduler blocking) {
        this.subscribers = subscribers;
        this.blocking = blocking;
    }

    @GetMapping("/api/v1/status-page/subscribers")
    public Mono<SubscriberList> list() {
        return Mono.fromCallable(() -> new SubscriberList(subscribers.list())).subscribeOn(blocking);
    }

    @DeleteMapping("/api/v1/status-page/subscribers/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        return Mono.fromCallable(() -> subscribers.delete(id)).subscribeOn(blocking).map(deleted -> {
            if (!deleted) {
                throw ApiProblem.notFound("subscriber with this id");
            }
            return ResponseEntity.noContent().<Void>build();
        });
    }
}
