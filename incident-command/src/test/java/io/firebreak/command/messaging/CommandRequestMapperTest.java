package io.firebreak.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.api.Commands.AddTimelineNote;
import io.firebreak.command.api.Commands.AssignRole;
import io.firebreak.command.api.Commands.PostUpdate;
import io.firebreak.command.api.IncidentSource;
import io.firebreak.command.api.Severity;
import io.firebreak.command.application.RequestedCommand;
import io.firebreak.schemas.command.AddNoteRequest;
import io.firebreak.schemas.command.AssignRoleRequest;
import io.firebreak.schemas.command.DeclareIncidentRequest;
import io.firebreak.schemas.command.IncidentCommandRequested;
import io.firebreak.schemas.command.PostUpdateRequest;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Person;
import io.firebreak.support.config.SupportProperties;
import io.firebreak.support.problem.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandRequestMapperTest {

    private static final String ID = UUID.randomUUID().toString();

    private final CommandRequestMapper mapper = new CommandRequestMapper(new SupportProperties(null,
            new SupportProperties.Security(new SupportProperties.Oidc(null, null, "scope", null, "name"), null),
            new SupportProperties.Consumer(null, null, null, null), new SupportProperties.Outbox(false, null, 0),
            new SupportProperties.Input(LocalDate.of(2000, 1, 1), LocalDate.of(2199, 12, 31)), 1));

    @Test
    void mapsADeclarationWithTheSeverityAliasNormalisedAndTheLabelKept() {
        RequestedCommand mapped = mapper.map(request(ID, DeclareIncidentRequest.newBuilder().setTitle("Slow")
                .setSeverity("p0").setAffectedServices(List.of("search")).build()));

        assertThat(mapped).isInstanceOf(RequestedCommand.Declare.class);
        RequestedCommand.Declare declare = (RequestedCommand.Declare) mapped;
        assertThat(declare.declaration().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(declare.declaration().reportedSeverity()).isEqualTo("p0");
        assertThat(declare.declaration().source()).isEqualTo(IncidentSource.SLACK);
        assertThat(declare.actor()).isEqualTo(new io.firebreak.command.api.Actor("U1", "Ana", "HUMAN"));
    }

    @Test
    void mapsChangesOntoTheAggregatesCommandsWithoutExpectedVersion() {
        RequestedCommand note = mapper.map(request(ID, new AddNoteRequest(NoteKind.DECISION, "Roll back")));
        assertThat(((RequestedCommand.Change) note).command())
                .isEqualTo(new AddTimelineNote(ID, io.firebreak.command.api.NoteKind.DECISION, "Roll back", null));

        RequestedCommand role = mapper.map(request(ID, new AssignRoleRequest(IncidentRole.INCIDENT_LEAD,
                new Person("U2", "Ben", null, "U2"), false)));
        assertThat(((AssignRole) ((RequestedCommand.Change) role).command()).assignee())
                .isEqualTo(new io.firebreak.command.api.Person("U2", "Ben", null, "U2"));
    }

    @Test
    void theUpdateIdFollowsFromTheCommandIdSoARetryIsTheSameUpdate() {
        IncidentCommandRequested request = request(ID, PostUpdateRequest.newBuilder().setAudience(Audience.INTERNAL)
                .setWhatIsHappening("Slow").build());
        PostUpdate first = (PostUpdate) ((RequestedCommand.Change) mapper.map(request)).command();
        PostUpdate second = (PostUpdate) ((RequestedCommand.Change) mapper.map(request)).command();
        assertThat(first.updateId()).isEqualTo(second.updateId());
    }

    @Test
    void refusesAtTheBoundaryWithTheFieldNamedAsInTheJsonBody() {
        assertThat(problem(request(ID, DeclareIncidentRequest.newBuilder().setTitle("Slow").setSeverity("SEV9")
                .build())).field()).isEqualTo("severity");
        assertThat(problem(request(ID, DeclareIncidentRequest.newBuilder().setTitle("Slow").setSeverity("SEV2")
                .setIncidentLead(new Person("U2", "token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", null, null))
                .build())).field()).isEqualTo("incidentLead.name");
        assertThat(problem(request(ID, DeclareIncidentRequest.newBuilder().setTitle("Slow").setSeverity("SEV2")
                .setAffectedServices(List.of("ok", "bad\u0000")).build())).field()).isEqualTo("affectedServices[1]");
        assertThat(problem(request("not-a-uuid", new AddNoteRequest(NoteKind.NOTE, "hi"))).status().value())
                .isEqualTo(404);
        assertThat(problem(request(ID, PostUpdateRequest.newBuilder().setAudience(Audience.INTERNAL)
                .setWhatIsHappening("Slow").setNextUpdateAt(Instant.parse("1970-01-01T00:00:00Z")).build())).field())
                .isEqualTo("nextUpdateAt");
    }

    private ApiProblem problem(IncidentCommandRequested request) {
        RequestedCommand mapped = mapper.map(request);
        assertThat(mapped).isInstanceOf(RequestedCommand.Invalid.class);
        return (ApiProblem) ((RequestedCommand.Invalid) mapped).problem();
    }

    private static IncidentCommandRequested request(String incidentId, Object command) {
        return IncidentCommandRequested.newBuilder().setCommandId(UUID.randomUUID().toString())
                .setRequestedAt(Instant.now()).setActor(new Actor("U1", "Ana", ActorKind.HUMAN))
                .setSource(io.firebreak.schemas.incident.IncidentSource.SLACK).setIncidentId(incidentId)
                .setCommand(command).build();
    }
}
