package io.firebreak.notification.engine;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acknowledging on behalf of an authenticated actor, each ack in its own transaction. The actor comes from the
 * credential, never from the request, so the page, the {@code PageAcknowledged} event and Slack name the person who
 * acknowledged. Blocking: call it off the event loop.
 */
@Component
public class Acknowledgements {

    private final Escalations escalations;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Acknowledgements(Escalations escalations, PlatformTransactionManager transactionManager, Clock clock) {
        this.escalations = escalations;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Who acknowledges: the credential's person (or integration). */
    public record Acknowledger(String id, String displayName, ActorKind kind) {
    }

    /**
     * Acknowledges one page; an ack of a page whose escalation already stopped changes nothing.
     *
     * @return the page's incident, or empty when there is no such page
     */
    public Optional<String> page(String pageId, Acknowledger by) {
        return transaction.execute(status -> escalations.acknowledge(pageId, by.id(), by.displayName(), by.kind(),
                clock.instant()));
    }

    /**
     * Acknowledges the incident's newest page.
     *
     * @return the incident, or empty when it has no page
     */
    public Optional<String> latestPageOf(String incidentId, Acknowledger by) {
        return transaction.execute(status -> escalations.latestPage(incidentId)
                .flatMap(pageId -> escalations.acknowledge(pageId, by.id(), by.displayName(), by.kind(),
                        clock.instant())));
    }
}
