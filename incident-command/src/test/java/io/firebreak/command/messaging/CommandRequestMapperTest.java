package io.firebreak.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.api.Commands.AddTimelineNote;
import io.firebreak.command.api.Commands.AssignRole;
import io.firebreak.command.api.Commands.AttachVideoBridge;
import io.firebreak.command.api.Commands.IdentifyCause;
import io.firebreak.command.api.Commands.JoinRole;
import io.firebreak.command.api.Commands.RecordContainmentStep;
import io.firebreak.command.api.Commands.PostUpdate;
import io.firebreak.command.api.IncidentSource;
import io.firebreak.command.api.Severity;
import io.firebreak.command.application.RequestedCommand;
import io.firebreak.schemas.command.AddNoteRequest;
import io.firebreak.schemas.command.AssignRoleRequest;
import io.firebreak.schemas.command.AttachVideoBridgeRequest;
import io.firebreak.schemas.command.IdentifyCauseRequest;
import io.firebreak.schemas.command.RecordContainmentStepRequest;
import io.firebreak.schemas.command.DeclareIncidentRequest;
import io.firebreak.schemas.command.IncidentCommandRequested;
import io.firebreak.schemas.command.PostUpdateRequest;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.ContainmentLever;
import io.firebreak.schemas.incident.ContainmentOutcome;
import io.firebreak.schemas.incident.ExposureKind;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Person;
import io.firebreak.schemas.serde.SingleObjectEventCodec;
import io.firebreak.support.config.SupportProperties;
import io.firebreak.support.problem.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CommandRequestMapperTest {

    private static final String ID = UUID.randomUUID().toString();

    private final CommandRequestMapper mapper = new CommandRequestMapper(new SupportProperties(null,
            new SupportProperties.Security(new SupportProperties.Oidc(null, null, "scope", null, "name"), null),
            new SupportProperties.Consumer(null, null, null, null), new SupportProperties.Outbox(false, null, 0),
            new SupportProperties.Input(LocalDate.of(2000, 1, 1), LocalDate.of(2199, 12, 31)), 1));

    /**
     * Avro's builders instantiate enum defaults (DeclareIncidentRequest.incidentType) only for trusted classes; the
     * schemas' codec trusts ours when it is created, as it is in the service before any request arrives.
     */
    @BeforeAll
    static void trustTheSchemas() {
        new SingleObjectEventCodec();
    }

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
    void mapsTheKindOfIncidentTheBridgeAndForceOfADeclaration() {
        RequestedCommand.Declare declare = (RequestedCommand.Declare) mapper.map(request(ID,
                DeclareIncidentRequest.newBuilder().setTitle("Cards leaked").setSeverity("SEV2")
                        .setIncidentType(IncidentType.BILLING).setDrill(true)
                        .setSuspectedExposure(List.of(ExposureKind.CARD_DATA, ExposureKind.PERSONAL_DATA))
                        .setVideoBridgeUrl("https://meet.example.com/x").setForce(true).build()));

        assertThat(declare.force()).isTrue();
        assertThat(declare.declaration().type()).isEqualTo(io.firebreak.command.api.IncidentType.BILLING);
        assertThat(declare.declaration().drill()).isTrue();
        assertThat(declare.declaration().suspectedExposure()).containsExactly(
                io.firebreak.command.api.ExposureKind.CARD_DATA, io.firebreak.command.api.ExposureKind.PERSONAL_DATA);
        assertThat(declare.declaration().videoBridgeUrl()).isEqualTo("https://meet.example.com/x");

        RequestedCommand.Declare plain = (RequestedCommand.Declare) mapper.map(request(ID,
                DeclareIncidentRequest.newBuilder().setTitle("Slow").setSeverity("SEV3").build()));
        assertThat(plain.force()).isFalse();
        assertThat(plain.declaration().type()).isEqualTo(io.firebreak.command.api.IncidentType.ENGINEERING);
        assertThat(plain.declaration().drill()).isFalse();
        assertThat(plain.declaration().suspectedExposure()).isEmpty();
    }

    @Test
    void mapsJoiningInvestigatorsContainmentTheCauseAndTheBridge() {
        assertThat(change(new AssignRoleRequest(IncidentRole.INVESTIGATION_OWNER, new Person("U3", "Cy", null, "U3"),
                true))).isEqualTo(new JoinRole(ID, io.firebreak.command.api.IncidentRole.INVESTIGATION_OWNER,
                        new io.firebreak.command.api.Person("U3", "Cy", null, "U3"), null));
        assertThat(change(new RecordContainmentStepRequest(ContainmentLever.DEPLOY_ROLLBACK,
                ContainmentOutcome.CONTAINED, "Back on 41"))).isEqualTo(new RecordContainmentStep(ID,
                        io.firebreak.command.api.ContainmentLever.DEPLOY_ROLLBACK,
                        io.firebreak.command.api.ContainmentOutcome.CONTAINED, "Back on 41", null));
        assertThat(change(new IdentifyCauseRequest("Deploy 42"))).isEqualTo(new IdentifyCause(ID, "Deploy 42", null));
        assertThat(change(new AttachVideoBridgeRequest("https://meet.example.com/x")))
                .isEqualTo(new AttachVideoBridge(ID, "https://meet.example.com/x", null));
        // the new texts pass the input policy like every other, named as in the JSON body
        assertThat(problem(request(ID, new RecordContainmentStepRequest(ContainmentLever.FEATURE_FLAG_OFF,
                ContainmentOutcome.NOT_APPLICABLE, "no\u0000flag"))).field())
                .isEqualTo("note");
        assertThat(problem(request(ID, new IdentifyCauseRequest("key AKIAIOSFODNN7EXAMPLE"))).field())
                .isEqualTo("cause");
    }

    private Object change(Object command) {
        return ((RequestedCommand.Change) mapper.map(request(ID, command))).command();
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
    void aCustomerUpdateCarriesWhatCustomersCanDo() {
        IncidentCommandRequested request = request(ID, PostUpdateRequest.newBuilder().setAudience(Audience.CUSTOMER)
                .setWhatIsHappening("Card payments fail").setWhoIsAffected("Card payers")
                .setWhatWeAreDoing("Rolling back").setWhatYouCanDo("Pay by bank transfer meanwhile").build());
        PostUpdate update = (PostUpdate) ((RequestedCommand.Change) mapper.map(request)).command();
        assertThat(update.whatYouCanDo()).isEqualTo("Pay by bank transfer meanwhile");
        assertThat(problem(request(ID, PostUpdateRequest.newBuilder().setAudience(Audience.CUSTOMER)
                .setWhatIsHappening("Slow").setWhatYouCanDo("retry with ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789")
                .build())).field()).isEqualTo("whatYouCanDo");
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
