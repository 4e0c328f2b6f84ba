package io.firebreak.statuspage.readmodel;

import io.firebreak.statuspage.domain.MaintenanceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts and completes maintenances at their scheduled times (unless announced with autoStart/autoComplete false),
 * by the injected clock, on the scheduler's thread. Every instance runs it; the row lock in
 * {@link MaintenanceRepository#move} lets only one move a maintenance, the other finds its status changed.
 */
@Component
public class MaintenanceSchedule {

    /** Who the page's updates name when a maintenance moved by itself. */
    static final String SCHEDULE = "statuspage-schedule";
    private static final Logger log = LoggerFactory.getLogger(MaintenanceSchedule.class);

    private final MaintenanceRepository maintenances;
    private final StatusModelStore store;
    private final Clock clock;

    public MaintenanceSchedule(MaintenanceRepository maintenances, StatusModelStore store, Clock clock) {
        this.maintenances = maintenances;
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${firebreak.statuspage.maintenance-check-interval:15s}")
    public void moveDueMaintenances() {
        Instant now = clock.instant();
        boolean moved = false;
        for (String id : maintenances.dueToStart(now)) {
            moved |= maintenances.move(id, List.of(MaintenanceStatus.SCHEDULED), MaintenanceStatus.IN_PROGRESS,
                    SCHEDULE, now).isPresent();
        }
        for (String id : maintenances.dueToComplete(now)) {
            moved |= maintenances.move(id, List.of(MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.VERIFYING),
                    MaintenanceStatus.COMPLETED, SCHEDULE, now).isPresent();
        }
        if (moved) {
            log.info("statuspage.maintenance_moved_by_schedule");
            store.refresh();
        }
    }
}
