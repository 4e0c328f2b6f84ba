package io.firebreak.debrief.linear;

import io.firebreak.debrief.config.DebriefProperties;
import io.firebreak.debrief.domain.FollowUpStatus;
import io.firebreak.debrief.readmodel.DebriefRepository;
import io.firebreak.debrief.readmodel.FollowUp;
import io.firebreak.debrief.readmodel.FollowUpRepository;
import io.firebreak.debrief.readmodel.IncidentRecord;
import io.firebreak.debrief.readmodel.LinearIssue;
import io.firebreak.debrief.readmodel.LinearTask;
import io.firebreak.debrief.readmodel.LinearTasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off the Linear outbox on its own thread while Linear is configured: a new follow-up becomes an issue (label
 * {@code post-mortem}, a link to the debrief, owner and due date), a status change moves the issue to the team's
 * completed, canceled or unstarted state. A failed call is retried with doubling back-off, for as long as it takes;
 * nothing is dropped and the API never waits for Linear.
 */
@Component
public class LinearSyncWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LinearSyncWorker.class);
    private static final int MAX_PER_ROUND = 50;

    private final LinearTasks tasks;
    private final LinearClient linear;
    private final FollowUpRepository followUps;
    private final DebriefRepository incidents;
    private final DebriefProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private ThreadPoolTaskScheduler scheduler;

    public LinearSyncWorker(LinearTasks tasks, LinearClient linear, FollowUpRepository followUps,
            DebriefRepository incidents, DebriefProperties properties, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.tasks = tasks;
        this.linear = linear;
        this.followUps = followUps;
        this.incidents = incidents;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** One round: every due task, up to a bound; returns how many were tried. */
    public int round() {
        int tried = 0;
        while (tried < MAX_PER_ROUND && Boolean.TRUE.equals(transaction.execute(status -> next()))) {
            tried++;
        }
        return tried;
    }

    private boolean next() {
        Instant now = clock.instant();
        Optional<LinearTask> claimed = tasks.claimNext(now);
        if (claimed.isEmpty()) {
            return false;
        }
        LinearTask task = claimed.get();
        try {
            perform(task, LocalDate.ofInstant(now, ZoneOffset.UTC));
            tasks.done(task.id(), clock.instant());
        } catch (LinearException e) {
            Duration wait = backOff(task.attempts() + 1);
            tasks.retry(task.id(), clock.instant().plus(wait), e.getMessage());
            log.warn("linear_sync.failed task={} followUp={} action={} attempt={} retryInSeconds={} error=\"{}\"",
                    task.id(), task.followUpId(), task.action(), task.attempts() + 1, wait.toSeconds(), e.getMessage());
        }
        return true;
    }

    private void perform(LinearTask task, LocalDate today) {
        Optional<FollowUp> found = followUps.find(task.followUpId(), today);
        if (found.isEmpty()) {
            return;
        }
        FollowUp followUp = found.get();
        switch (task.action()) {
            case CREATE_ISSUE -> create(followUp);
            case MOVE_ISSUE -> move(followUp, task.status());
        }
    }

    private void create(FollowUp followUp) {
        if (followUp.linear() != null) {
            return;
        }
        IncidentRecord incident = incidents.incident(followUp.incidentId()).orElse(null);
        LinearClient.NewIssue issue = new LinearClient.NewIssue(followUp.id(), followUp.title(),
                description(followUp, incident), followUp.dueDate(), priority(followUp.priority()));
        LinearIssue created;
        try {
            created = linear.createIssue(issue);
        } catch (LinearException e) {
            // an earlier attempt may have created it and lost the answer: the id is ours, so look for it first
            created = linear.findIssue(followUp.id()).orElseThrow(() -> e);
        }
        followUps.linkToLinear(followUp.id(), created);
        log.info("linear_sync.issue_created followUp={} issue={}", followUp.id(), created.identifier());
    }

    private void move(FollowUp followUp, String status) {
        if (followUp.linear() == null) {
            // created before Linear was configured: there is no issue to move
            return;
        }
        String stateType = switch (FollowUpStatus.parse(status).orElse(FollowUpStatus.OUTSTANDING)) {
            case COMPLETED -> "completed";
            case NOT_DOING -> "canceled";
            case OUTSTANDING -> "unstarted";
        };
        linear.moveIssue(followUp.linear().id(), stateType);
        log.info("linear_sync.issue_moved followUp={} issue={} state={}", followUp.id(), followUp.linear().identifier(),
                stateType);
    }

    private String description(FollowUp followUp, IncidentRecord incident) {
        String debriefUrl = properties.getPublicUrl() + "/api/v1/incidents/" + followUp.incidentId() + "/debrief";
        StringBuilder text = new StringBuilder("Follow-up from the debrief of ");
        if (incident != null) {
            text.append("**").append(incident.reference()).append(" — ").append(incident.title()).append("** (")
                    .append(incident.severity()).append(')');
        } else {
            text.append("incident ").append(followUp.incidentId());
        }
        text.append(": ").append(debriefUrl).append("\n\n- Owner: ").append(followUp.owner())
                .append("\n- Due: ").append(followUp.dueDate() == null ? "no date set" : followUp.dueDate())
                .append("\n- Priority: ").append(followUp.priority());
        if (followUp.externalUrl() != null) {
            text.append("\n- Link: ").append(followUp.externalUrl());
        }
        if (followUp.createdBy() != null) {
            text.append("\n\nCreated in Firebreak by ").append(followUp.createdBy().name()).append('.');
        }
        text.append(" Completing or cancelling this issue updates the follow-up in Firebreak.");
        return text.toString();
    }

    /** Linear's priorities: 1 urgent, 2 high, 3 medium, 4 low. */
    static int priority(String priority) {
        return switch (priority) {
            case "urgent" -> 1;
            case "high" -> 2;
            case "low" -> 4;
            default -> 3;
        };
    }

    Duration backOff(int attempt) {
        Duration base = properties.getLinear().getRetryBase();
        Duration max = properties.getLinear().getRetryMax();
        Duration wait = base.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    @Override
    public void start() {
        if (!properties.getLinear().enabled()) {
            log.info("linear_sync.off reason=\"no FIREBREAK_LINEAR_API_KEY or FIREBREAK_LINEAR_TEAM_ID\"");
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("linear-sync-");
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                round();
            } catch (RuntimeException e) {
                log.warn("linear_sync.round_failed error=\"{}\"", e.toString());
            }
        }, properties.getLinear().getPollInterval());
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
