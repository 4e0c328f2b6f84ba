package io.firebreak.debrief.readmodel;

import io.firebreak.debrief.config.DebriefProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes follow-ups and, when Linear is configured, queues their Linear work in the same transaction: an issue for a
 * new follow-up, a state move for a changed status. A change that came from Linear queues nothing back.
 */
@Component
public class FollowUpChanges {

    /** Who changes a follow-up when its Linear issue was completed or cancelled there. */
    public static final Person LINEAR = new Person("linear", "Linear");

    private final FollowUpRepository followUps;
    private final LinearTasks tasks;
    private final TransactionTemplate transaction;
    private final boolean linear;

    public FollowUpChanges(FollowUpRepository followUps, LinearTasks tasks, DebriefProperties properties,
            PlatformTransactionManager transactionManager) {
        this.followUps = followUps;
        this.tasks = tasks;
        this.transaction = new TransactionTemplate(transactionManager);
        this.linear = properties.getLinear().enabled();
    }

    public void create(FollowUp followUp) {
        transaction.executeWithoutResult(status -> {
            followUps.insert(followUp);
            if (linear) {
                tasks.enqueue(followUp.id(), LinearTask.Action.CREATE_ISSUE, null, followUp.createdAt());
            }
        });
    }

    /** Changes status and/or owner (null: unchanged) as {@code by}; a new status is mirrored to Linear. */
    public void change(String id, String status, String owner, Person by, Instant at, LocalDate today) {
        transaction.executeWithoutResult(tx -> {
            String before = followUps.find(id, today).map(FollowUp::status).orElse(null);
            followUps.update(id, status, owner, by, at);
            if (linear && status != null && !Objects.equals(before, status)) {
                tasks.enqueue(id, LinearTask.Action.MOVE_ISSUE, status, at);
            }
        });
    }

    /** The status Linear's issue now has, applied as {@link #LINEAR}; nothing is sent back. */
    public void changeFromLinear(String id, String status, Instant at) {
        followUps.update(id, status, null, LINEAR, at);
    }
}
