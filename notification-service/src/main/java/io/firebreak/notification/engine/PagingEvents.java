package io.firebreak.notification.engine;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.paging.EscalationAdvanced;
import io.firebreak.schemas.paging.EscalationStopped;
import io.firebreak.schemas.paging.PageAcknowledged;
import io.firebreak.schemas.paging.PageTargetKind;
import io.firebreak.schemas.paging.PageTriggered;
import io.firebreak.schemas.paging.Responder;
import io.firebreak.support.metrics.AfterCommit;
import io.firebreak.support.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Paging events, appended to the outbox in the transaction that decided them (service-support's relay sends them).
 * Each carries an {@link EventHeader} whose sequence numbers the incident's paging events from 0 without gaps (taken
 * from {@code paging_sequence} in the same transaction) and whose eventId, incidentId and occurredAt equal the
 * top-level fields.
 */
@Component
public class PagingEvents {

    /** The actor of every paging event a person did not cause. */
    static final Actor SYSTEM = new Actor("notification-service", "Firebreak escalation",
            io.firebreak.schemas.incident.ActorKind.SYSTEM);

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final MeterRegistry meters;

    public PagingEvents(JdbcTemplate jdbc, Outbox outbox, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.meters = meters;
    }

    /**
     * Why a page went out: the target that led to the responder, the policy and step (null for a page made by
     * hand), the round, and the note of the person who paged by hand.
     */
    record PageContext(PageTargetKind targetKind, String targetId, String policyId, Integer step, int round,
            String message) {
    }

    /** {@code actor}: {@link #SYSTEM} for escalation pages, the person who paged for a page made by hand. */
    void triggered(String incidentId, String pageId, int level, String responderId, String responderName,
            String rotation, List<String> channels, Instant at, Actor actor, PageContext context) {
        String eventId = id();
        String targetKind = context.targetKind() == null ? "NONE" : context.targetKind().name();
        AfterCommit.run(() -> Counter.builder("firebreak.pages.triggered").description("Pages sent to responders")
                .tag("target_kind", targetKind).tag("by_hand", String.valueOf(context.policyId() == null))
                .register(meters).increment());
        write(incidentId, eventId, new PageTriggered(eventId, incidentId, pageId, level,
                new Responder(responderId, responderName, rotation), channels, at,
                header(eventId, incidentId, at, actor), context.targetKind(), context.targetId(), context.policyId(),
                context.step(), context.round(), context.message()));
    }

    /**
     * {@code acknowledgedBy} is the actor's display name, as it was before the header existed; {@code triggeredAt},
     * from the page row the caller holds, times the acknowledgement.
     */
    void acknowledged(String incidentId, String pageId, String actorId, String actorName, ActorKind actorKind,
            Instant triggeredAt, Instant at) {
        String eventId = id();
        Actor actor = new Actor(actorId, actorName, io.firebreak.schemas.incident.ActorKind.valueOf(actorKind.name()));
        AfterCommit.run(() -> {
            Counter.builder("firebreak.pages.acknowledged").description("Pages acknowledged")
                    .tag("actor_kind", actorKind.name()).register(meters).increment();
            if (!at.isBefore(triggeredAt)) {
                Timer.builder("firebreak.pages.time.to.acknowledge")
                        .description("From a page being sent to its acknowledgement").publishPercentileHistogram()
                        .register(meters).record(Duration.between(triggeredAt, at));
            }
        });
        write(incidentId, eventId, new PageAcknowledged(eventId, incidentId, pageId, actorName, at,
                header(eventId, incidentId, at, actor)));
    }

    void advanced(String incidentId, int from, int to, Instant at) {
        String eventId = id();
        write(incidentId, eventId, new EscalationAdvanced(eventId, incidentId, from, to, at,
                header(eventId, incidentId, at, SYSTEM)));
    }

    void stopped(String incidentId, String reason, Instant at) {
        String eventId = id();
        write(incidentId, eventId, new EscalationStopped(eventId, incidentId, reason, at,
                header(eventId, incidentId, at, SYSTEM)));
    }

    private EventHeader header(String eventId, String incidentId, Instant at, Actor actor) {
        return new EventHeader(eventId, incidentId, nextSequence(incidentId), at, actor);
    }

    /** The row lock taken here is held to commit: concurrent paging decisions for one incident number in turn. */
    private long nextSequence(String incidentId) {
        Long next = jdbc.queryForObject("INSERT INTO paging_sequence (incident_id, next_sequence) VALUES (?, 1)"
                + " ON CONFLICT (incident_id) DO UPDATE SET next_sequence = paging_sequence.next_sequence + 1"
                + " RETURNING next_sequence", Long.class, incidentId);
        return next - 1;
    }

    private void write(String incidentId, String eventId, SpecificRecord event) {
        outbox.append(eventId, Topics.PAGING_EVENTS, incidentId, event);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
