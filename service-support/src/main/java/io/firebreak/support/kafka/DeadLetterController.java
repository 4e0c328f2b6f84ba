package io.firebreak.support.kafka;

import io.firebreak.support.kafka.DeadLetterRecords.Pending;
import io.firebreak.support.kafka.DeadLetterRecords.Redriven;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Dead letters of the service's consumers: listed and re-driven after a fix ({@code admin}). */
@RestController
public class DeadLetterController {

    public static final String PATH = "/api/v1/admin/dead-letters";

    private final DeadLetterQueue queue;
    private final Scheduler blocking;

    public DeadLetterController(DeadLetterQueue queue, Scheduler blockingScheduler) {
        this.queue = queue;
        this.blocking = blockingScheduler;
    }

    @GetMapping(PATH)
    public Mono<Pending> pending() {
        return Mono.fromCallable(() -> {
            var pending = queue.pending();
            return new Pending(pending.size(), pending);
        }).subscribeOn(blocking);
    }

    @PostMapping(PATH + "/redrive")
    public Mono<Redriven> redrive() {
        return Mono.fromCallable(() -> {
            var sent = queue.redrive();
            return new Redriven(sent.size(), sent);
        }).subscribeOn(blocking);
    }
}
