package io.firebreak.command.readmodel;

import io.firebreak.command.api.Actor;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;

/** One stored event as the audit history and the live stream show it. */
public record IncidentEventRecord(String eventId, String incidentId, long sequence, String type,
        Instant occurredAt, Actor actor, Object data) {

    public static IncidentEventRecord of(DomainEventMessage<?> message) {
        return new IncidentEventRecord(message.getIdentifier(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), message.getPayloadType().getSimpleName(), message.getTimestamp(),
                Actor.from(message.getMetaData()), message.getPayload());
    }
}
