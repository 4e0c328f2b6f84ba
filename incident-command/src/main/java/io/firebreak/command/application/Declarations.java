package io.firebreak.command.application;

import io.firebreak.command.api.Actor;
import io.firebreak.command.api.Commands;
import io.firebreak.command.api.Commands.DeclareIncident;
import io.firebreak.command.api.ExposureKind;
import io.firebreak.command.api.IncidentSource;
import io.firebreak.command.api.IncidentType;
import io.firebreak.command.api.Person;
import io.firebreak.command.api.Severity;
import io.firebreak.command.readmodel.IncidentView;
import io.firebreak.command.readmodel.IncidentViewRepository;
import io.firebreak.command.store.IncidentNaming;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Declares incidents: allocates the reference and channel name, and makes declarations with an
 * {@code Idempotency-Key} safe to retry. The key (scoped to the caller) determines the incident id, so a
 * retry hits the same aggregate and the event store's uniqueness decides atomically; the request
 * fingerprint tells a true retry (same incident back) from a reused key (422).
 */
@Component
public class Declarations {

    private final CommandGateway gateway;
    private final IncidentNaming naming;
    private final IncidentViewRepository views;
    private final Scheduler blocking;
    private final TransactionTemplate transaction;
    private final PossibleDuplicates duplicates;

    public Declarations(CommandGateway gateway, IncidentNaming naming, IncidentViewRepository views,
            Scheduler blockingScheduler, PlatformTransactionManager transactionManager, PossibleDuplicates duplicates) {
        this.gateway = gateway;
        this.duplicates = duplicates;
        this.transaction = new TransactionTemplate(transactionManager);
        this.naming = naming;
        this.views = views;
        this.blocking = blockingScheduler;
    }

    /**
     * What a declaration says, before names are allocated. {@code type} null means not given; a drill is never
     * checked for duplicates and gets a {@code drill-} channel.
     */
    public record Declaration(String title, String summary, Severity severity, String reportedSeverity,
            boolean customerImpact, List<String> affectedServices, Person incidentLead, IncidentSource source,
            String sourceKey, Instant detectedAt, IncidentType type, boolean drill,
            List<ExposureKind> suspectedExposure, String videoBridgeUrl) {

        /** Monitoring's declarations: engineering incidents, never drills, nothing suspected, no call link. */
        public Declaration(String title, String summary, Severity severity, String reportedSeverity,
                boolean customerImpact, List<String> affectedServices, Person incidentLead, IncidentSource source,
                String sourceKey, Instant detectedAt) {
            this(title, summary, severity, reportedSeverity, customerImpact, affectedServices, incidentLead, source,
                    sourceKey, detectedAt, IncidentType.ENGINEERING, false, List.of(), null);
        }
    }

    /** The incident and whether this call created it. */
    public record Declared(IncidentView incident, boolean created) {
    }

    /**
     * A person's declaration: refused with 409 and the open incidents it resembles ({@link PossibleDuplicates})
     * unless {@code force}; a retry with the same {@code Idempotency-Key} gets its incident back unchecked.
     */
    public Mono<Declared> declare(Declaration declaration, Actor actor, String idempotencyKey, boolean force) {
        return Mono.fromCallable(() -> declareNow(declaration, actor, idempotencyKey, force)).subscribeOn(blocking);
    }

    /** Declares on the calling thread, joining the caller's transaction if there is one. Blocking. */
    public Declared declareNow(Declaration declaration, Actor actor, String idempotencyKey, boolean force) {
        String fingerprint = idempotencyKey == null ? null : fingerprint(declaration);
        String incidentId = idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("idempotency:" + actor.id() + ":" + idempotencyKey)
                        .getBytes(StandardCharsets.UTF_8)).toString();
        if (idempotencyKey != null) {
            Declared replay = replay(incidentId, fingerprint);
            if (replay != null) {
                return replay;
            }
        }
        duplicates.check(declaration, force);
        MetaData metaData = actor.toMetaData();
        if (fingerprint != null) {
            metaData = metaData.and(Commands.REQUEST_FINGERPRINT, fingerprint);
        }
        try {
            return new Declared(declareAs(incidentId, declaration, metaData), true);
        } catch (AggregateStreamCreationException | EventStoreException e) {
            // a concurrent retry with the same key created it first
            Declared replay = idempotencyKey == null ? null : replay(incidentId, fingerprint);
            if (replay == null) {
                throw e;
            }
            return replay;
        }
    }

    /**
     * Declares under a given id, in the caller's transaction if there is one, else in its own: the
     * channel-name claim commits or rolls back with the events, so a rejected declaration leaves nothing.
     */
    public IncidentView declareAs(String incidentId, Declaration declaration, MetaData metaData) {
        return declareAs(incidentId, declaration, metaData, command -> command);
    }

    /**
     * Monitoring's declaration: as {@link #declareAs(String, Declaration, MetaData)}, with the notification's alerts
     * attached by the same command.
     */
    public IncidentView declareWithAlerts(String incidentId, Declaration declaration, MetaData metaData,
            String integration, List<Commands.AlertChange> alerts) {
        return declareAs(incidentId, declaration, metaData,
                command -> new Commands.DeclareIncidentFromAlerts(command, integration, alerts));
    }

    private IncidentView declareAs(String incidentId, Declaration declaration, MetaData metaData,
            Function<DeclareIncident, Object> sent) {
        transaction.executeWithoutResult(status -> {
            IncidentNaming.Names names = naming.allocate(incidentId,
                    declaration.title() == null ? "" : declaration.title(), declaration.drill());
            DeclareIncident command = new DeclareIncident(incidentId, names.reference(), names.channelName(),
                    declaration.title(), declaration.summary(), declaration.severity(),
                    declaration.reportedSeverity(), declaration.customerImpact(), declaration.affectedServices(),
                    declaration.incidentLead(), declaration.source(), declaration.sourceKey(),
                    declaration.detectedAt(), declaration.type(), declaration.drill(),
                    declaration.suspectedExposure(), declaration.videoBridgeUrl());
            gateway.sendAndWait(sent.apply(command), metaData);
        });
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // the caller's transaction decides; it reads the view before it commits
            return views.findById(incidentId).orElseThrow();
        }
        try {
            return views.findById(incidentId).orElseThrow();
        } catch (RuntimeException e) {
            // committed: whatever failed now, the incident exists
            throw new AppliedButUnreadable(incidentId, e);
        }
    }

    private Declared replay(String incidentId, String fingerprint) {
        return views.findWithFingerprint(incidentId).map(existing -> {
            if (!fingerprint.equals(existing.requestFingerprint())) {
                throw new IdempotencyKeyReusedException();
            }
            return new Declared(existing.view(), false);
        }).orElse(null);
    }

    private static String fingerprint(Declaration declaration) {
        return Sha256.hex(declaration.toString());
    }
}
