package io.firebreak.debrief.linear;

import io.firebreak.debrief.config.DebriefProperties;
import io.firebreak.debrief.domain.FollowUpStatus;
import io.firebreak.debrief.readmodel.FollowUp;
import io.firebreak.debrief.readmodel.FollowUpChanges;
import io.firebreak.debrief.readmodel.FollowUpRepository;
import io.firebreak.debrief.readmodel.LinearTasks;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a verified Linear webhook delivery does: an Issue update whose state is of type {@code completed} completes the
 * follow-up mirrored to it, one of type {@code canceled} marks it not doing, as the actor "linear"; everything else is
 * ignored. A delivery is acted on once (keyed by the hash of its signed body), in the transaction that applies it.
 */
@Component
public class LinearWebhooks {

    private static final Logger log = LoggerFactory.getLogger(LinearWebhooks.class);

    private final FollowUpRepository followUps;
    private final FollowUpChanges changes;
    private final LinearTasks tasks;
    private final TransactionTemplate transaction;
    private final Duration tolerance;
    private final Clock clock;

    public LinearWebhooks(FollowUpRepository followUps, FollowUpChanges changes, LinearTasks tasks,
            DebriefProperties properties, PlatformTransactionManager transactionManager, Clock clock) {
        this.followUps = followUps;
        this.changes = changes;
        this.tasks = tasks;
        this.transaction = new TransactionTemplate(transactionManager);
        this.tolerance = properties.getLinear().getWebhookTolerance();
        this.clock = clock;
    }

    /** An Issue event as far as it matters here. */
    public record IssueEvent(String action, String type, String issueId, String stateType) {
    }

    /** What happened to a delivery. */
    public enum Outcome {
        COMPLETED, NOT_DOING, IGNORED, DUPLICATE
    }

    /** Whether a {@code webhookTimestamp} (epoch milliseconds) is close enough to now to be acted on. */
    public boolean fresh(long webhookTimestamp) {
        Duration age = Duration.between(Instant.ofEpochMilli(webhookTimestamp), clock.instant()).abs();
        return age.compareTo(tolerance) <= 0;
    }

    public Outcome handle(byte[] body, IssueEvent event) {
        Instant now = clock.instant();
        Outcome outcome = transaction.execute(status -> {
            if (!tasks.firstDelivery(key(body), now, now.minus(tolerance.multipliedBy(10)))) {
                return Outcome.DUPLICATE;
            }
            Optional<FollowUpStatus> target = target(event);
            if (target.isEmpty()) {
                return Outcome.IGNORED;
            }
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            Optional<FollowUp> followUp = followUps.findByLinearIssue(event.issueId(), today);
            if (followUp.isEmpty() || followUp.get().status().equals(target.get().wire())) {
                return Outcome.IGNORED;
            }
            changes.changeFromLinear(followUp.get().id(), target.get().wire(), now);
            return target.get() == FollowUpStatus.COMPLETED ? Outcome.COMPLETED : Outcome.NOT_DOING;
        });
        log.info("linear_webhook.handled type={} action={} issue={} outcome={}", event.type(), event.action(),
                event.issueId(), outcome);
        return outcome;
    }

    private static Optional<FollowUpStatus> target(IssueEvent event) {
        if (!"Issue".equals(event.type()) || !"update".equals(event.action()) || event.issueId() == null
                || event.stateType() == null) {
            return Optional.empty();
        }
        return switch (event.stateType()) {
            case "completed" -> Optional.of(FollowUpStatus.COMPLETED);
            case "canceled" -> Optional.of(FollowUpStatus.NOT_DOING);
            default -> Optional.empty();
        };
    }

    private static String key(byte[] body) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
