package io.firebreak.command.messaging;

import io.firebreak.command.api.Actor;
import io.firebreak.command.api.Events;
import io.firebreak.command.api.Person;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.AlertStatus;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.ComponentStatus;
import io.firebreak.schemas.incident.ContainmentLever;
import io.firebreak.schemas.incident.ContainmentOutcome;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.ExposureKind;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Severity;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * Maps stored domain events onto the public Avro contract. The header is built from the event message:
 * event id, aggregate sequence, timestamp and the actor from its metadata.
 */
@Component
public class AvroEventMapper {

    public SpecificRecord toAvro(DomainEventMessage<?> message) {
        EventHeader header = header(message);
        Object payload = message.getPayload();
        if (payload instanceof Events.IncidentDeclared e) {
            return new io.firebreak.schemas.incident.IncidentDeclared(header,
                    e.reference(), e.title(), e.summary(), severity(e.severity()), status(e.status()),
                    e.customerImpact(), List.copyOf(e.affectedServices()), IncidentSource.valueOf(e.source().name()),
                    e.sourceKey(), e.reportedSeverity(), e.detectedAt(), e.channelName(),
                    IncidentType.valueOf(e.incidentType().name()), e.drill(),
                    e.suspectedExposure().stream().map(kind -> ExposureKind.valueOf(kind.name())).toList());
        }
        if (payload instanceof Events.SeverityChanged e) {
            return new io.firebreak.schemas.incident.SeverityChanged(header,
                    severity(e.from()), severity(e.to()), e.reason());
        }
        if (payload instanceof Events.StatusChanged e) {
            return new io.firebreak.schemas.incident.StatusChanged(header,
                    status(e.from()), status(e.to()), e.note());
        }
        if (payload instanceof Events.UpdatePosted e) {
            return new io.firebreak.schemas.incident.UpdatePosted(header, e.updateId(),
                    Audience.valueOf(e.audience().name()), e.whatIsHappening(), e.whoIsAffected(),
                    e.whatWeAreDoing(), e.nextUpdateAt(), e.whatYouCanDo());
        }
        if (payload instanceof Events.RoleAssigned e) {
            return new io.firebreak.schemas.incident.RoleAssigned(header,
                    IncidentRole.valueOf(e.role().name()), person(e.assignee()), person(e.previous()), e.joining());
        }
        if (payload instanceof Events.TimelineNoteAdded e) {
            return new io.firebreak.schemas.incident.TimelineNoteAdded(header,
                    NoteKind.valueOf(e.kind().name()), e.text());
        }
        if (payload instanceof Events.AlertAttached e) {
            return new io.firebreak.schemas.incident.AlertAttached(header, e.integration(),
                    e.alertKey(), AlertStatus.valueOf(e.status().name()), e.summary(),
                    e.labels() == null ? Map.of() : Map.copyOf(e.labels()), e.startsAt(), e.endsAt(),
                    e.generatorUrl());
        }
        if (payload instanceof Events.CustomerImpactChanged e) {
            return new io.firebreak.schemas.incident.CustomerImpactChanged(header,
                    e.customerImpact(), List.copyOf(e.affectedServices()));
        }
        if (payload instanceof Events.IncidentResolved e) {
            return new io.firebreak.schemas.incident.IncidentResolved(header,
                    e.resolution(), e.mitigatedAt(), e.resolvedAt());
        }
        if (payload instanceof Events.IncidentReopened e) {
            return new io.firebreak.schemas.incident.IncidentReopened(header, e.reason());
        }
        if (payload instanceof Events.IncidentClosed e) {
            return new io.firebreak.schemas.incident.IncidentClosed(header, e.debriefUrl());
        }
        if (payload instanceof Events.ContainmentStepRecorded e) {
            return new io.firebreak.schemas.incident.ContainmentStepRecorded(header,
                    ContainmentLever.valueOf(e.lever().name()), ContainmentOutcome.valueOf(e.outcome().name()),
                    e.note() == null ? "" : e.note());
        }
        if (payload instanceof Events.CauseIdentified e) {
            return new io.firebreak.schemas.incident.CauseIdentified(header, e.cause());
        }
        if (payload instanceof Events.VideoBridgeAttached e) {
            return new io.firebreak.schemas.incident.VideoBridgeAttached(header, e.url());
        }
        if (payload instanceof Events.StatusPagePublished e) {
            return new io.firebreak.schemas.incident.StatusPagePublished(header, e.publicTitle(), e.publicMessage());
        }
        if (payload instanceof Events.StatusPageHidden e) {
            return new io.firebreak.schemas.incident.StatusPageHidden(header, e.reason());
        }
        if (payload instanceof Events.PublicWordingEdited e) {
            return new io.firebreak.schemas.incident.PublicWordingEdited(header, e.publicTitle(), e.publicMessage());
        }
        if (payload instanceof Events.ComponentStatusSet e) {
            return new io.firebreak.schemas.incident.ComponentStatusSet(header, e.component(),
                    ComponentStatus.valueOf(e.status().name()));
        }
        if (payload instanceof Events.CustomerEmailSent e) {
            return new io.firebreak.schemas.incident.CustomerEmailSent(header, e.subject(), e.message());
        }
        throw new IllegalArgumentException(
                "No public contract for " + message.getPayloadType().getName() + "; add it to schemas");
    }

    private static EventHeader header(DomainEventMessage<?> message) {
        Actor actor = Actor.from(message.getMetaData());
        return new EventHeader(message.getIdentifier(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), message.getTimestamp(),
                new io.firebreak.schemas.incident.Actor(actor.id(), actor.displayName(), kind(actor.kind())));
    }

    private static ActorKind kind(String kind) {
        try {
            return ActorKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return ActorKind.HUMAN;
        }
    }

    private static Severity severity(io.firebreak.command.api.Severity severity) {
        return Severity.valueOf(severity.name());
    }

    private static IncidentStatus status(io.firebreak.command.api.IncidentStatus status) {
        return IncidentStatus.valueOf(status.name());
    }

    private static io.firebreak.schemas.incident.Person person(Person person) {
        return person == null ? null : new io.firebreak.schemas.incident.Person(person.id(), person.name(),
                person.email(), person.slackUserId());
    }
}
