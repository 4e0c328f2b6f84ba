package io.firebreak.debrief.web;

import io.firebreak.debrief.messaging.ProjectionReplay;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Operator endpoint ({@code admin}): rebuild the projection of the partitions this instance holds from offset zero.
 * With several instances, call it on each (or on one after scaling to one) to rebuild everything.
 */
@RestController
public class ReplayController {

    private final ProjectionReplay replay;
    private final Scheduler blocking;

    public ReplayController(ProjectionReplay replay, Scheduler blockingScheduler) {
        this.replay = replay;
        this.blocking = blockingScheduler;
    }

    /**
     * The replay under way: how many incidents were reset, the partitions rewound, and {@code complete} false when a
     * rebalance moved one of them away meanwhile (replay on its new owner).
     */
    public record ReplayStarted(boolean replaying, int reset, List<String> partitions, boolean complete) {
    }

    @PostMapping("/api/v1/admin/projection/replay")
    public Mono<ResponseEntity<ReplayStarted>> replay() {
        return Mono.fromCallable(() -> {
            ProjectionReplay.Result result = replay.resetAndReplay();
            return ResponseEntity.accepted().body(new ReplayStarted(true, result.incidents(), result.partitions(),
                    result.complete()));
        }).subscribeOn(blocking);
    }
}
