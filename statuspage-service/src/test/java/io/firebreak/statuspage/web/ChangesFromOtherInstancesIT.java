package io.firebreak.statuspage.web;

import static org.awaitility.Awaitility.await;

import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.statuspage.readmodel.StatusModelStore;
import io.firebreak.statuspage.readmodel.StatusProjection;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With several instances, only the one consuming an incident's partition applies its events; every other instance
 * serves the page from its own memory and must still show them (the scale-out test in deploy's ScaleOutE2EIT reads
 * the page from every instance).
 */
@StatusPageIntegrationTest
class ChangesFromOtherInstancesIT {

    @Autowired
    WebTestClient client;

    @Autowired
    StatusProjection projection;

    @Autowired
    StatusModelStore store;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void showsAnIncidentAnotherInstanceApplied() {
        String incidentId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        IncidentDeclared declared = new IncidentDeclared(new EventHeader(UUID.randomUUID().toString(), incidentId, 0L,
                now, new Actor("u-ana", "Ana Lead", ActorKind.HUMAN)), "INC-90210", "E-mail is not delivered",
                "internal summary", Severity.CRITICAL, IncidentStatus.INVESTIGATING, true, List.of("email"),
                IncidentSource.ALERTMANAGER, "group", "CRITICAL", now, "inc-email-is-not-delivered", io.firebreak.schemas.incident.IncidentType.ENGINEERING, false, java.util.List.of());
        IncidentResolved resolved = new IncidentResolved(new EventHeader(UUID.randomUUID().toString(), incidentId, 1L,
                now, new Actor("u-ana", "Ana Lead", ActorKind.HUMAN)), "mail relay restarted", now, now);

        appliedByAnotherInstance(declared.getHeader(), () -> projection.on(declared));
        await().atMost(Duration.ofSeconds(10)).until(() -> unresolved().contains(incidentId));

        appliedByAnotherInstance(resolved.getHeader(), () -> projection.on(resolved));
        await().atMost(Duration.ofSeconds(10)).until(() -> !unresolved().contains(incidentId));
    }

    /**
     * What another instance's consumer does: apply the event and bump the page's revision in one transaction; this
     * instance neither consumed the event nor refreshed after it.
     */
    private void appliedByAnotherInstance(EventHeader header, Runnable apply) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            projection.firstDelivery(header);
            apply.run();
            store.changed();
        });
    }

    private String unresolved() {
        return client.get().uri("/api/v2/incidents/unresolved.json").exchange().expectBody(String.class).returnResult()
                .getResponseBody();
    }
}
