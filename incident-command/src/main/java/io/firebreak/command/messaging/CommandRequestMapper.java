package io.firebreak.command.messaging;

import io.firebreak.command.api.Actor;
import io.firebreak.command.api.Audience;
import io.firebreak.command.api.Commands.AddTimelineNote;
import io.firebreak.command.api.Commands.AssignRole;
import io.firebreak.command.api.Commands.AttachVideoBridge;
import io.firebreak.command.api.Commands.IdentifyCause;
import io.firebreak.command.api.Commands.JoinRole;
import io.firebreak.command.api.Commands.RecordContainmentStep;
import io.firebreak.command.api.ContainmentLever;
import io.firebreak.command.api.ContainmentOutcome;
import io.firebreak.command.api.ExposureKind;
import io.firebreak.command.api.Commands.ChangeSeverity;
import io.firebreak.command.api.Commands.ChangeStatus;
import io.firebreak.command.api.Commands.CloseIncident;
import io.firebreak.command.api.Commands.PostUpdate;
import io.firebreak.command.api.Commands.ResolveIncident;
import io.firebreak.command.api.IncidentRole;
import io.firebreak.command.api.IncidentSource;
import io.firebreak.command.api.IncidentStatus;
import io.firebreak.command.api.IncidentType;
import io.firebreak.command.api.NoteKind;
import io.firebreak.command.api.Person;
import io.firebreak.command.application.CommandInputs;
import io.firebreak.command.application.Declarations.Declaration;
import io.firebreak.command.application.RequestedCommand;
import io.firebreak.command.domain.InvalidFieldException;
import io.firebreak.schemas.command.AddNoteRequest;
import io.firebreak.schemas.command.AssignRoleRequest;
import io.firebreak.schemas.command.AttachVideoBridgeRequest;
import io.firebreak.schemas.command.IdentifyCauseRequest;
import io.firebreak.schemas.command.RecordContainmentStepRequest;
import io.firebreak.schemas.command.ChangeSeverityRequest;
import io.firebreak.schemas.command.ChangeStatusRequest;
import io.firebreak.schemas.command.CloseIncidentRequest;
import io.firebreak.schemas.command.DeclareIncidentRequest;
import io.firebreak.schemas.command.IncidentCommandRequested;
import io.firebreak.schemas.command.PostUpdateRequest;
import io.firebreak.schemas.command.ResolveIncidentRequest;
import io.firebreak.support.config.SupportProperties;
import io.firebreak.support.input.TextPolicy;
import io.firebreak.support.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/**
 * Turns an {@link IncidentCommandRequested} into the command the HTTP API would send for the same request, with the
 * HTTP API's boundary checks in its words: the input policy on every text (field named as in the JSON body, e.g.
 * {@code text}, {@code incidentLead.name}), times within the accepted range, severity aliases, incident ids. A request
 * that fails one becomes {@link RequestedCommand.Invalid}, answered REJECTED; the aggregate checks the rest.
 */
@Component
public class CommandRequestMapper {

    private final LocalDate earliest;
    private final LocalDate latest;

    public CommandRequestMapper(SupportProperties support) {
        this.earliest = support.input().earliest();
        this.latest = support.input().latest();
    }

    public RequestedCommand map(IncidentCommandRequested request) {
        String commandId = request.getCommandId();
        String incidentId = request.getIncidentId();
        io.firebreak.schemas.incident.Actor requester = request.getActor();
        Actor actor = new Actor(requester.getId(), requester.getDisplayName(), requester.getKind().name());
        try {
            if (requester.getId().isBlank()) {
                throw ApiProblem.invalid("actor.id", "'actor.id' is required");
            }
            checkTexts("", (SpecificRecord) request.getCommand());
            return command(commandId, incidentId, actor, request);
        } catch (ApiProblem | InvalidFieldException refused) {
            return new RequestedCommand.Invalid(commandId, incidentId, actor, refused);
        }
    }

    private RequestedCommand command(String commandId, String id, Actor actor, IncidentCommandRequested request) {
        Object command = request.getCommand();
        if (command instanceof DeclareIncidentRequest d) {
            if (!CommandInputs.isIncidentId(id)) {
                throw ApiProblem.invalid("incidentId", "'incidentId' must be a UUID");
            }
            Declaration declaration = new Declaration(d.getTitle(), d.getSummary(),
                    CommandInputs.severity(d.getSeverity()), d.getSeverity(), d.getCustomerImpact(),
                    List.copyOf(d.getAffectedServices()), person(d.getIncidentLead()), source(request), null, null,
                    IncidentType.valueOf(d.getIncidentType().name()), d.getDrill(),
                    d.getSuspectedExposure().stream().map(kind -> ExposureKind.valueOf(kind.name())).toList(),
                    d.getVideoBridgeUrl());
            return new RequestedCommand.Declare(commandId, id, actor, declaration, d.getForce());
        }
        if (!CommandInputs.isIncidentId(id)) {
            throw CommandInputs.noSuchIncident();
        }
        Object change;
        if (command instanceof PostUpdateRequest u) {
            change = new PostUpdate(id, UUID.nameUUIDFromBytes(("update:" + commandId).getBytes(StandardCharsets.UTF_8))
                    .toString(), Audience.valueOf(u.getAudience().name()), u.getWhatIsHappening(), u.getWhoIsAffected(),
                    u.getWhatWeAreDoing(), time("nextUpdateAt", u.getNextUpdateAt()), u.getWhatYouCanDo(), null);
        } else if (command instanceof ChangeStatusRequest s) {
            change = new ChangeStatus(id, IncidentStatus.valueOf(s.getStatus().name()), s.getNote(), null);
        } else if (command instanceof ChangeSeverityRequest s) {
            change = new ChangeSeverity(id, CommandInputs.severity(s.getSeverity()), s.getReason(), null);
        } else if (command instanceof AssignRoleRequest r && r.getJoining()) {
            change = new JoinRole(id, IncidentRole.valueOf(r.getRole().name()), person(r.getAssignee()), null);
        } else if (command instanceof AssignRoleRequest r) {
            change = new AssignRole(id, IncidentRole.valueOf(r.getRole().name()), person(r.getAssignee()), null);
        } else if (command instanceof AddNoteRequest n) {
            change = new AddTimelineNote(id, NoteKind.valueOf(n.getKind().name()), n.getText(), null);
        } else if (command instanceof ResolveIncidentRequest r) {
            change = new ResolveIncident(id, r.getResolution(), time("mitigatedAt", r.getMitigatedAt()), null);
        } else if (command instanceof CloseIncidentRequest c) {
            change = new CloseIncident(id, c.getDebriefUrl(), null);
        } else if (command instanceof RecordContainmentStepRequest c) {
            change = new RecordContainmentStep(id, ContainmentLever.valueOf(c.getLever().name()),
                    ContainmentOutcome.valueOf(c.getOutcome().name()), c.getNote(), null);
        } else if (command instanceof IdentifyCauseRequest c) {
            change = new IdentifyCause(id, c.getCause(), null);
        } else if (command instanceof AttachVideoBridgeRequest b) {
            change = new AttachVideoBridge(id, b.getUrl(), null);
        } else {
            throw ApiProblem.badRequest("command", "'command' is not a command incident-command knows");
        }
        return new RequestedCommand.Change(commandId, id, actor, change);
    }

    /** As the HTTP API's {@code X-Firebreak-Source}: people's surfaces only; monitoring declares by its own API. */
    private static IncidentSource source(IncidentCommandRequested request) {
        IncidentSource source = IncidentSource.valueOf(request.getSource().name());
        if (source != IncidentSource.API && source != IncidentSource.CLI && source != IncidentSource.SLACK) {
            throw ApiProblem.badRequest("source", "'source' may be API, CLI or SLACK;"
                    + " monitoring declares through /api/v1/integrations");
        }
        return source;
    }

    private static Person person(io.firebreak.schemas.incident.Person person) {
        return person == null ? null
                : new Person(person.getId(), person.getName(), person.getEmail(), person.getSlackUserId());
    }

    /** The input policy's bounds on times, as BoundedTimeDeserializers applies them to JSON bodies. */
    private Instant time(String field, Instant value) {
        if (value != null && (value.isBefore(earliest.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !value.isBefore(latest.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))) {
            throw ApiProblem.invalid(field, "'" + field + "' must lie between " + earliest + " and " + latest);
        }
        return value;
    }

    /** Every string of the command through the input policy, named by its path as in the HTTP API's JSON body. */
    private static void checkTexts(String prefix, SpecificRecord record) {
        for (Schema.Field field : record.getSchema().getFields()) {
            check(prefix + field.name(), record.get(field.pos()));
        }
    }

    private static void check(String path, Object value) {
        if (value instanceof CharSequence text) {
            TextPolicy.accept(path, text.toString());
        } else if (value instanceof SpecificRecord nested) {
            checkTexts(path + ".", nested);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(path + "[" + i + "]", list.get(i));
            }
        }
    }
}
