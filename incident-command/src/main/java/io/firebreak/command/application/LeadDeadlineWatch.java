package io.firebreak.command.application;

import io.firebreak.command.api.Actor;
import io.firebreak.command.api.Commands.EnforceLeadDeadline;
import io.firebreak.command.api.Person;
import io.firebreak.command.store.LeadDeadlineTimers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires the lead deadline: every {@code pollInterval} it claims each incident declared {@code deadline} ago or
 * earlier that still has no lead (a durable timer row, {@link LeadDeadlineTimers}), sends
 * {@link EnforceLeadDeadline} as Firebreak (actor SYSTEM) and deletes the row, all in one transaction; the aggregate
 * decides what happens (lead or note). A crash leaves the row for the next round or the next instance.
 */
public class LeadDeadlineWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeadDeadlineWatch.class);
    private static final int MAX_PER_ROUND = 100;

    /** {@code pollInterval} zero or negative: no background rounds (tests call {@link #fireDue}). */
    public record Settings(Duration deadline, Duration pollInterval, Person defaultLead) {
    }

    private final LeadDeadlineTimers timers;
    private final CommandGateway gateway;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Settings settings;
    private ScheduledExecutorService executor;

    public LeadDeadlineWatch(LeadDeadlineTimers timers, CommandGateway gateway,
            PlatformTransactionManager transactionManager, Clock clock, Settings settings) {
        this.timers = timers;
        this.gateway = gateway;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.settings = settings;
    }

    /** Fires every deadline due at {@code now}; returns how many fired. Blocking. */
    public int fireDue(Instant now) {
        Instant declaredBefore = now.minus(settings.deadline());
        int fired = 0;
        while (fired < MAX_PER_ROUND) {
            Optional<String> incidentId;
            try {
                incidentId = transaction.execute(status -> fireOne(declaredBefore));
            } catch (RuntimeException failure) {
                String failed = failure instanceof FiringFailed f ? f.incidentId : null;
                if (failed == null || CommandRejections.of(failure.getCause()).isEmpty()) {
                    throw failure;
                }
                // the incident refuses the command for good (it cannot happen today): do not fire it every round
                log.warn("lead_deadline.refused incident={} error={}", failed, failure.getCause().toString());
                transaction.executeWithoutResult(status -> timers.done(failed));
                continue;
            }
            if (incidentId == null || incidentId.isEmpty()) {
                break;
            }
            fired++;
            log.info("lead_deadline.fired incident={}", incidentId.get());
        }
        return fired;
    }

    private Optional<String> fireOne(Instant declaredBefore) {
        Optional<String> due = timers.claimDue(declaredBefore);
        due.ifPresent(incidentId -> {
            try {
                gateway.sendAndWait(new EnforceLeadDeadline(incidentId, settings.deadline(), settings.defaultLead()),
                        Actor.SYSTEM.toMetaData());
            } catch (RuntimeException e) {
                throw new FiringFailed(incidentId, e);
            }
            timers.done(incidentId);
        });
        return due;
    }

    private void round() {
        try {
            fireDue(clock.instant());
        } catch (RuntimeException e) {
            // the database out of reach: the rows wait for the next round
            log.warn("lead_deadline.round_failed error={}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        Duration interval = settings.pollInterval();
        if (interval == null || interval.isZero() || interval.isNegative()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lead-deadline-watch");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** A command for one incident failed; carries which, so a permanent refusal can be set aside. */
    private static final class FiringFailed extends RuntimeException {

        private final String incidentId;

        FiringFailed(String incidentId, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.incidentId = incidentId;
        }
    }
}
