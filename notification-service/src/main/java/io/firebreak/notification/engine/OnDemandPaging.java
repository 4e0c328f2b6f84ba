package io.firebreak.notification.engine;

import io.firebreak.notification.engine.Escalations.OnDemandPage;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Paging by hand, one transaction per request ("escalate to extra people or experts"). Blocking. */
@Component
public class OnDemandPaging {

    private final Escalations escalations;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public OnDemandPaging(Escalations escalations, PlatformTransactionManager transactionManager, Clock clock) {
        this.escalations = escalations;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The page's {@code PageTriggered} names the person who paged as its actor. */
    public List<OnDemandPage> page(String incidentId, OnDemandTarget kind, String id, String message,
            Acknowledgements.Acknowledger by) {
        return transaction.execute(status -> escalations.pageOnDemand(incidentId, kind, id, message, by.id(),
                by.displayName(), by.kind(), clock.instant()));
    }
}
