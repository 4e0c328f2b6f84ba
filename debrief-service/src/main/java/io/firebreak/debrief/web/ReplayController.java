package io.firebreak.debrief.web;

import io.firebreak.debrief.messaging.ProjectionReplay;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Operator endpoint: reset the projection and replay the topic from offset zero. */
@RestController
public class ReplayController {

    private final ProjectionReplay replay;
    private final Scheduler blocking;

    public ReplayController(ProjectionReplay replay, Scheduler blockingScheduler) {
        this.replay = replay;
        this.blocking = blockingScheduler;
    }

    @PostMapping("/api/v1/admin/projection/replay")
    public Mono<ResponseEntity<Map<String, Object>>> replay() {
        return Mono.fromCallable(() -> ResponseEntity.accepted().body(Map.<String, Object>of("replaying", true,
                "reset", replay.resetAndReplay()))).subscribeOn(blocking);
    }
}
