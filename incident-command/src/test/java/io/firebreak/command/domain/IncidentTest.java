package io.firebreak.command.domain;

import io.firebreak.command.api.AlertStatus;
import io.firebreak.command.api.Audience;
import io.firebreak.command.api.Commands;
import io.firebreak.command.api.Commands.AlertChange;
import io.firebreak.command.api.Commands.AttachAlerts;
import io.firebreak.command.api.Events.AlertAttached;
import io.firebreak.command.api.Commands.AddTimelineNote;
import io.firebreak.command.api.Commands.AssignRole;
import io.firebreak.command.api.Commands.AttachVideoBridge;
import io.firebreak.command.api.Commands.IdentifyCause;
import io.firebreak.command.api.Commands.JoinRole;
import io.firebreak.command.api.Commands.RecordContainmentStep;
import io.firebreak.command.api.ContainmentLever;
import io.firebreak.command.api.ContainmentOutcome;
import io.firebreak.command.api.Events.CauseIdentified;
import io.firebreak.command.api.Events.ContainmentStepRecorded;
import io.firebreak.command.api.Events.VideoBridgeAttached;
import io.firebreak.command.api.ExposureKind;
import io.firebreak.command.api.Commands.ChangeCustomerImpact;
import io.firebreak.command.api.Commands.ChangeSeverity;
import io.firebreak.command.api.Commands.ChangeStatus;
import io.firebreak.command.api.Commands.CloseIncident;
import io.firebreak.command.api.Commands.DeclareIncident;
import io.firebreak.command.api.Commands.EnforceLeadDeadline;
import io.firebreak.command.api.Actor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.EventMessage;
import io.firebreak.command.api.Commands.PostUpdate;
import io.firebreak.command.api.Commands.EditPublicWording;
import io.firebreak.command.api.Commands.HideStatusPage;
import io.firebreak.command.api.Commands.PublishStatusPage;
import io.firebreak.command.api.Commands.SendCustomerEmail;
import io.firebreak.command.api.Commands.SetComponentStatus;
import io.firebreak.command.api.ComponentStatus;
import io.firebreak.command.api.Events.ComponentStatusSet;
import io.firebreak.command.api.Events.CustomerEmailSent;
import io.firebreak.command.api.Events.PublicWordingEdited;
import io.firebreak.command.api.Events.StatusPageHidden;
import io.firebreak.command.api.Events.StatusPagePublished;
import io.firebreak.command.api.Commands.ReopenIncident;
import io.firebreak.command.api.Commands.ResolveIncident;
import io.firebreak.command.api.Events.CustomerImpactChanged;
import io.firebreak.command.api.Events.IncidentClosed;
import io.firebreak.command.api.Events.IncidentDeclared;
import io.firebreak.command.api.Events.IncidentReopened;
import io.firebreak.command.api.Events.IncidentResolved;
import io.firebreak.command.api.Events.RoleAssigned;
import io.firebreak.command.api.Events.SeverityChanged;
import io.firebreak.command.api.Events.StatusChanged;
import io.firebreak.command.api.Events.TimelineNoteAdded;
import io.firebreak.command.api.Events.UpdatePosted;
import io.firebreak.command.api.IncidentRole;
import io.firebreak.command.api.IncidentSource;
import io.firebreak.command.api.IncidentStatus;
import io.firebreak.command.api.IncidentType;
import io.firebreak.command.api.NoteKind;
import io.firebreak.command.api.Person;
import io.firebreak.command.api.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncidentTest {

    static final String ID = "0b6f7a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Person ANA = new Person("u-ana", "Ana", "ana@example.com", "U0ANA");
    static final Person BOB = new Person("u-bob", "Bob", null, null);

    FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(UpdateCadence.defaults());
    }

    static FixtureConfiguration<Incident> fixtureWith(UpdateCadence cadence) {
        FixtureConfiguration<Incident> fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(cadence);
        fixture.registerInjectableResource(RolePolicy.defaults());
        return fixture;
    }

    static DeclareIncident declare(Severity severity, String label, Person lead) {
        return new DeclareIncident(ID, "INC-42", "inc-2026-11-25-checkout-fails", "Checkout fails",
                "Card payments error", severity, label, true, List.of("checkout"), lead, IncidentSource.API, null,
                null, null, false, List.of(), null);
    }

    static IncidentDeclared declared(Severity severity) {
        return new IncidentDeclared(ID, "INC-42", "Checkout fails", "Card payments error", severity,
                severity.name(), IncidentStatus.INVESTIGATING, true, List.of("checkout"), IncidentSource.API, null,
                null, "inc-2026-11-25-checkout-fails", IncidentType.ENGINEERING, false, List.of());
    }

    static IncidentResolved resolved() {
        return new IncidentResolved(ID, "rolled back", NOW, NOW);
    }

    @Nested
    class Declaring {

        @Test
        void declaresInInvestigatingAndKeepsTheLabelAsGiven() {
            fixture.givenNoPriorActivity()
                    .when(declare(Severity.CRITICAL, "SEV1", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new IncidentDeclared(ID, "INC-42", "Checkout fails", "Card payments error",
                            Severity.CRITICAL, "SEV1", IncidentStatus.INVESTIGATING, true, List.of("checkout"),
                            IncidentSource.API, null, null, "inc-2026-11-25-checkout-fails", IncidentType.ENGINEERING, false, List.of()));
        }

        @Test
        void assignsTheLeadGivenAtDeclaration() {
            fixture.givenNoPriorActivity()
                    .when(declare(Severity.MAJOR, "MAJOR", ANA))
                    .expectEvents(declared(Severity.MAJOR),
                            new RoleAssigned(ID, IncidentRole.INCIDENT_LEAD, ANA, null, false));
        }

        @Test
        void rejectsDeclarationWithoutTitle() {
            fixture.givenNoPriorActivity()
                    .when(new DeclareIncident(ID, "INC-1", "inc-x", "  ", null, Severity.MINOR, "minor", false,
                            List.of(), null, IncidentSource.API, null, null, null, false, List.of(), null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("'title' is required")
                    .expectNoEvents();
        }

        @Test
        void rejectsTitleLongerThan200Characters() {
            fixture.givenNoPriorActivity()
                    .when(new DeclareIncident(ID, "INC-1", "inc-x", "x".repeat(201), null, Severity.MINOR, "minor",
                            false, List.of(), null, IncidentSource.API, null, null, null, false, List.of(), null))
                    .expectException(InvalidFieldException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsDeclarationWithoutSeverity() {
            fixture.givenNoPriorActivity()
                    .when(declare(null, null, null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("'severity' is required");
        }

        @Test
        void rejectsADetectionTimeInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(new DeclareIncident(ID, "INC-1", "inc-x", "t", null, Severity.MINOR, "minor", false,
                            List.of(), null, IncidentSource.API, null, NOW.plus(Duration.ofHours(1)), null, false, List.of(), null))
                    .expectException(InvalidFieldException.class);
        }
    }

    @Nested
    class Secrets {

        @ParameterizedTest
        @ValueSource(strings = {"paid with 4111 1111 1111 1111", "key AKIAIOSFODNN7EXAMPLE",
                "see postgres://admin:hunter2@db:5432/app", "Authorization: Bearer abcdefghijklmnop1234",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"})
        void rejectsASecretInTheSummaryWithoutEchoingIt(String secret) {
            fixture.givenNoPriorActivity()
                    .when(new DeclareIncident(ID, "INC-1", "inc-x", "Checkout fails", secret, Severity.MINOR,
                            "minor", false, List.of(), null, IncidentSource.API, null, null, null, false, List.of(), null))
                    .expectException(SecretRejectedException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.containsString("'summary'"),
                            org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(secret))))
                    .expectNoEvents();
        }

        @Test
        void rejectsASecretInATimelineNote() {
            fixture.given(declared(Severity.MINOR))
                    .when(new AddTimelineNote(ID, NoteKind.EVIDENCE, "customer card 4111-1111-1111-1111", null))
                    .expectException(SecretRejectedException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsASecretInAnUpdate() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new PostUpdate(ID, "u1", Audience.INTERNAL, "db creds postgres://a:b@db/x", null, null,
                            null, null, null))
                    .expectException(SecretRejectedException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Status {

        @Test
        void movesAmongTheActiveStatusesInAnyOrder() {
            fixture.given(declared(Severity.MINOR), new StatusChanged(ID, IncidentStatus.INVESTIGATING,
                            IncidentStatus.MONITORING, null))
                    .when(new ChangeStatus(ID, IncidentStatus.FIXING, "regressed", null))
                    .expectEvents(new StatusChanged(ID, IncidentStatus.MONITORING, IncidentStatus.FIXING,
                            "regressed"));
        }

        @Test
        void rejectsAChangeToTheCurrentStatus() {
            fixture.given(declared(Severity.MINOR))
                    .when(new ChangeStatus(ID, IncidentStatus.INVESTIGATING, null, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsResolvingThroughAStatusChange() {
            fixture.given(declared(Severity.MINOR))
                    .when(new ChangeStatus(ID, IncidentStatus.RESOLVED, null, null))
                    .expectException(InvalidFieldException.class);
        }

        @Test
        void rejectsAStatusChangeOfAResolvedIncident() {
            fixture.given(declared(Severity.MINOR), resolved())
                    .when(new ChangeStatus(ID, IncidentStatus.FIXING, null, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage("The incident is resolved; reopen it with a reason first");
        }
    }

    @Nested
    class Resolving {

        @Test
        void defaultsMitigatedAtToTheFirstTimeTheIncidentEnteredMonitoring() {
            Instant monitoringAt = NOW.minus(Duration.ofMinutes(20));
            fixture.givenCurrentTime(NOW.minus(Duration.ofHours(1)))
                    .andGiven(declared(Severity.MAJOR))
                    .andGivenCurrentTime(monitoringAt)
                    .andGiven(new StatusChanged(ID, IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING, null))
                    .andGivenCurrentTime(NOW.minus(Duration.ofMinutes(10)))
                    .andGiven(new StatusChanged(ID, IncidentStatus.MONITORING, IncidentStatus.FIXING, null),
                            new StatusChanged(ID, IncidentStatus.FIXING, IncidentStatus.MONITORING, null))
                    .when(new ResolveIncident(ID, "rolled back", null, null))
                    .expectEvents(new IncidentResolved(ID, "rolled back", monitoringAt, NOW));
        }

        @Test
        void defaultsMitigatedAtToNowWhenNeverMonitored() {
            fixture.given(declared(Severity.MINOR))
                    .when(new ResolveIncident(ID, "restarted", null, null))
                    .expectEvents(new IncidentResolved(ID, "restarted", NOW, NOW));
        }

        @Test
        void keepsAGivenMitigationTime() {
            Instant mitigated = NOW.minusSeconds(30);
            fixture.givenCurrentTime(NOW.minus(Duration.ofHours(1)))
                    .andGiven(declared(Severity.MINOR))
                    .when(new ResolveIncident(ID, "restarted", mitigated, null))
                    .expectEvents(new IncidentResolved(ID, "restarted", mitigated, NOW));
        }

        @Test
        void rejectsResolveWithoutResolution() {
            fixture.given(declared(Severity.MINOR))
                    .when(new ResolveIncident(ID, "", null, null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("'resolution' is required");
        }

        @Test
        void rejectsResolvingTwice() {
            fixture.given(declared(Severity.MINOR), resolved())
                    .when(new ResolveIncident(ID, "again", null, null))
                    .expectException(IncidentRuleViolation.class);
        }

        @Test
        void reopensAResolvedIncidentWithAReason() {
            fixture.given(declared(Severity.MINOR), resolved())
                    .when(new ReopenIncident(ID, "errors are back", null))
                    .expectEvents(new IncidentReopened(ID, "errors are back"));
        }

        @Test
        void rejectsReopenWithoutReason() {
            fixture.given(declared(Severity.MINOR), resolved())
                    .when(new ReopenIncident(ID, null, null))
                    .expectException(InvalidFieldException.class);
        }

        @Test
        void rejectsReopenOfAnActiveIncident() {
            fixture.given(declared(Severity.MINOR))
                    .when(new ReopenIncident(ID, "why", null))
                    .expectException(IncidentRuleViolation.class);
        }

        @Test
        void investigatesAgainAfterReopen() {
            fixture.given(declared(Severity.MINOR), resolved(), new IncidentReopened(ID, "back"))
                    .when(new ChangeStatus(ID, IncidentStatus.FIXING, null, null))
                    .expectEvents(new StatusChanged(ID, IncidentStatus.INVESTIGATING, IncidentStatus.FIXING, null));
        }
    }

    @Nested
    class Closing {

        @Test
        void closesAMinorIncidentAtOnce() {
            fixture.given(declared(Severity.MINOR), resolved())
                    .when(new CloseIncident(ID, null, null))
                    .expectEvents(new IncidentClosed(ID, null));
        }

        @Test
        void rejectsClosingAMajorIncidentWithoutACompletedDebrief() {
            fixture.given(declared(Severity.MAJOR), resolved())
                    .when(new CloseIncident(ID, null, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsClosingAMajorIncidentWithAnyLinkWhileItsDebriefIsNotCompleted() {
            fixture.given(declared(Severity.MAJOR), resolved())
                    .when(new CloseIncident(ID, "https://example.com/anything", null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("debrief is completed"))
                    .expectNoEvents();
        }

        @Test
        void closesACriticalIncidentWithTheCompletedDebriefsLink() {
            fixture.given(declared(Severity.CRITICAL), resolved())
                    .when(new CloseIncident(ID, "https://example.com/anything", null),
                            java.util.Map.of(Commands.COMPLETED_DEBRIEF_URL, "https://debriefs.example/inc-42"))
                    .expectEvents(new IncidentClosed(ID, "https://debriefs.example/inc-42"));
        }

        @Test
        void rejectsADebriefLinkThatIsNotAWebAddress() {
            fixture.given(declared(Severity.CRITICAL), resolved())
                    .when(new CloseIncident(ID, "javascript:alert(1)", null),
                            java.util.Map.of(Commands.COMPLETED_DEBRIEF_URL, "https://debriefs.example/inc-42"))
                    .expectException(InvalidFieldException.class);
        }

        @Test
        void rejectsClosingAnActiveIncident() {
            fixture.given(declared(Severity.MINOR))
                    .when(new CloseIncident(ID, null, null))
                    .expectException(IncidentRuleViolation.class);
        }

        @Test
        void rejectsEveryCommandOnAClosedIncident() {
            Object[] commands = {
                    new ChangeSeverity(ID, Severity.MAJOR, null, null),
                    new ChangeStatus(ID, IncidentStatus.FIXING, null, null),
                    new PostUpdate(ID, "u1", Audience.INTERNAL, "x", null, null, null, null, null),
                    new AssignRole(ID, IncidentRole.COMMS_OWNER, ANA, null),
                    new AddTimelineNote(ID, NoteKind.NOTE, "late note", null),
                    new ChangeCustomerImpact(ID, false, List.of(), null),
                    new ResolveIncident(ID, "x", null, null),
                    new ReopenIncident(ID, "x", null),
                    new CloseIncident(ID, null, null)};
            for (Object command : commands) {
                fixture.given(declared(Severity.MINOR), resolved(), new IncidentClosed(ID, null))
                        .when(command)
                        .expectException(IncidentRuleViolation.class)
                        .expectExceptionMessage("The incident is closed; closed is final")
                        .expectNoEvents();
            }
        }
    }

    @Nested
    class SeverityChanges {

        @Test
        void raisesSeverityWithoutAReason() {
            fixture.given(declared(Severity.MINOR))
                    .when(new ChangeSeverity(ID, Severity.CRITICAL, null, null))
                    .expectEvents(new SeverityChanged(ID, Severity.MINOR, Severity.CRITICAL, null));
        }

        @Test
        void lowersSeverityWithAReason() {
            fixture.given(declared(Severity.CRITICAL))
                    .when(new ChangeSeverity(ID, Severity.MAJOR, "one cohort only", null))
                    .expectEvents(new SeverityChanged(ID, Severity.CRITICAL, Severity.MAJOR, "one cohort only"));
        }

        @Test
        void rejectsLoweringWithoutAReason() {
            fixture.given(declared(Severity.CRITICAL))
                    .when(new ChangeSeverity(ID, Severity.MINOR, " ", null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("'reason' is required");
        }

        @Test
        void rejectsChangingToTheCurrentSeverity() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new ChangeSeverity(ID, Severity.MAJOR, null, null))
                    .expectException(IncidentRuleViolation.class);
        }
    }

    @Nested
    class Roles {

        @Test
        void recordsThePreviousHolderOnReassignment() {
            fixture.given(declared(Severity.MAJOR), new RoleAssigned(ID, IncidentRole.INCIDENT_LEAD, ANA, null, false))
                    .when(new AssignRole(ID, IncidentRole.INCIDENT_LEAD, BOB, null))
                    .expectEvents(new RoleAssigned(ID, IncidentRole.INCIDENT_LEAD, BOB, ANA, false));
        }

        @Test
        void rejectsTheLeadAsInvestigationOwnerOnAMajorIncident() {
            fixture.given(declared(Severity.MAJOR), new RoleAssigned(ID, IncidentRole.INCIDENT_LEAD, ANA, null, false))
                    .when(new AssignRole(ID, IncidentRole.INVESTIGATION_OWNER, ANA, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsTheLeadAsCommsOwnerOnAMajorIncident() {
            fixture.given(declared(Severity.MAJOR), new RoleAssigned(ID, IncidentRole.INCIDENT_LEAD, ANA, null, false))
                    .when(new AssignRole(ID, IncidentRole.COMMS_OWNER, ANA, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage("On a MAJOR incident the incident lead, the comms owner and the"
                            + " investigation owner are three people; Ana is already INCIDENT_LEAD")
                    .expectNoEvents();
        }

        @Test
        void rejectsTheCommsOwnerAsInvestigationOwnerOnACriticalIncident() {
            fixture.given(declared(Severity.CRITICAL), new RoleAssigned(ID, IncidentRole.COMMS_OWNER, BOB, null, false))
                    .when(new AssignRole(ID, IncidentRole.INVESTIGATION_OWNER, BOB, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage("On a CRITICAL incident the incident lead, the comms owner and the"
                            + " investigation owner are three people; Bob is already COMMS_OWNER")
                    .expectNoEvents();
        }

        @Test
        void rejectsTheCommsOwnerAsLeadAfterTheIncidentWasRaisedToMajor() {
            fixture.given(declared(Severity.MINOR), new RoleAssigned(ID, IncidentRole.COMMS_OWNER, ANA, null, false),
                            new SeverityChanged(ID, Severity.MINOR, Severity.MAJOR, null))
                    .when(new AssignRole(ID, IncidentRole.INCIDENT_LEAD, ANA, null))
                    .expectException(IncidentRuleViolation.class);
        }

        @Test
        void letsTheSamePersonMoveFromOneRoleToAnotherOnlyOnceTheyGaveItUp() {
            fixture.given(declared(Severity.MAJOR), new RoleAssigned(ID, IncidentRole.COMMS_OWNER, ANA, null, false),
                            new RoleAssigned(ID, IncidentRole.COMMS_OWNER, BOB, ANA, false))
                    .when(new AssignRole(ID, IncidentRole.INCIDENT_LEAD, ANA, null))
                    .expectEvents(new RoleAssigned(ID, IncidentRole.INCIDENT_LEAD, ANA, null, false));
        }

        @Test
        void letsOnePersonWearAllThreeHatsWhereTheSeverityIsNotConfiguredDistinct() {
            FixtureConfiguration<Incident> criticalOnly = new AggregateTestFixture<>(Incident.class);
            criticalOnly.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
            criticalOnly.registerInjectableResource(UpdateCadence.defaults());
            criticalOnly.registerInjectableResource(new RolePolicy(List.of(Severity.CRITICAL)));
            criticalOnly.given(declared(Severity.MAJOR), new RoleAssigned(ID, IncidentRole.INCIDENT_LEAD, ANA, null, false),
                            new RoleAssigned(ID, IncidentRole.COMMS_OWNER, ANA, null, false))
                    .when(new AssignRole(ID, IncidentRole.INVESTIGATION_OWNER, ANA, null))
                    .expectEvents(new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, ANA, null, false));
        }

        @Test
        void rejectsTheInvestigationOwnerAsLeadOnACriticalIncident() {
            fixture.given(declared(Severity.CRITICAL),
                            new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, BOB, null, false))
                    .when(new AssignRole(ID, IncidentRole.INCIDENT_LEAD, BOB, null))
                    .expectException(IncidentRuleViolation.class);
        }

        @Test
        void letsOnePersonLeadAndInvestigateAMinorIncident() {
            fixture.given(declared(Severity.MINOR), new RoleAssigned(ID, IncidentRole.INCIDENT_LEAD, ANA, null, false))
                    .when(new AssignRole(ID, IncidentRole.INVESTIGATION_OWNER, ANA, null))
                    .expectEvents(new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, ANA, null, false));
        }

        @Test
        void rejectsReassigningTheSamePerson() {
            fixture.given(declared(Severity.MINOR), new RoleAssigned(ID, IncidentRole.COMMS_OWNER, ANA, null, false))
                    .when(new AssignRole(ID, IncidentRole.COMMS_OWNER, ANA, null))
                    .expectException(IncidentRuleViolation.class);
        }

        @Test
        void rejectsAnAssigneeWithoutName() {
            fixture.given(declared(Severity.MINOR))
                    .when(new AssignRole(ID, IncidentRole.COMMS_OWNER, new Person("u-x", "", null, null), null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("'assignee.name' is required");
        }
    }

    @Nested
    class LeadDeadline {

        final Duration five = Duration.ofMinutes(5);
        final Person defaultLead = new Person("u-duty", "Duty Lead", null, null);

        EventMessage<?> declaredBy(Severity severity, Actor actor) {
            return GenericEventMessage.asEventMessage(declared(severity)).andMetaData(actor.toMetaData());
        }

        @Test
        void makesTheDeclarerLeadOfAMajorIncidentWithoutOne() {
            fixture.given(declaredBy(Severity.MAJOR, new Actor("u-ana", "Ana", "HUMAN")))
                    .when(new EnforceLeadDeadline(ID, five, null))
                    .expectEvents(new RoleAssigned(ID, IncidentRole.INCIDENT_LEAD,
                                    new Person("u-ana", "Ana", null, null), null, false),
                            new TimelineNoteAdded(ID, NoteKind.MILESTONE, "No lead after 5 minutes: Ana, who declared"
                                    + " the incident, is now the incident lead"));
        }

        @Test
        void makesTheDefaultLeadLeadOfACriticalIncidentMonitoringDeclared() {
            fixture.given(declaredBy(Severity.CRITICAL, new Actor("alertmanager", "Alertmanager", "INTEGRATION")))
                    .when(new EnforceLeadDeadline(ID, five, defaultLead))
                    .expectEvents(new RoleAssigned(ID, IncidentRole.INCIDENT_LEAD, defaultLead, null, false),
                            new TimelineNoteAdded(ID, NoteKind.MILESTONE, "No lead after 5 minutes: Duty Lead, the"
                                    + " default lead, is now the incident lead"));
        }

        @Test
        void onlyTellsTheChannelWhenMonitoringDeclaredAndNoDefaultLeadIsSet() {
            fixture.given(declaredBy(Severity.CRITICAL, new Actor("alertmanager", "Alertmanager", "INTEGRATION")))
                    .when(new EnforceLeadDeadline(ID, five, null))
                    .expectEvents(new TimelineNoteAdded(ID, NoteKind.MILESTONE, "No lead after 5 minutes on a"
                            + " CRITICAL incident and no default lead is configured; someone must take the lead now"));
        }

        @Test
        void onlyPromptsOnAMinorIncident() {
            fixture.given(declaredBy(Severity.MINOR, new Actor("u-ana", "Ana", "HUMAN")))
                    .when(new EnforceLeadDeadline(ID, five, defaultLead))
                    .expectEvents(new TimelineNoteAdded(ID, NoteKind.MILESTONE, "No lead after 5 minutes; someone"
                            + " should take the lead (/inc lead or PUT /api/v1/incidents/" + ID
                            + "/roles/INCIDENT_LEAD)"));
        }

        @Test
        void doesNothingOnceTheIncidentHasALead() {
            fixture.given(declaredBy(Severity.MAJOR, new Actor("u-ana", "Ana", "HUMAN")),
                            new RoleAssigned(ID, IncidentRole.INCIDENT_LEAD, BOB, null, false))
                    .when(new EnforceLeadDeadline(ID, five, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void doesNothingOnceTheIncidentIsResolved() {
            fixture.given(declaredBy(Severity.MAJOR, new Actor("u-ana", "Ana", "HUMAN")), resolved())
                    .when(new EnforceLeadDeadline(ID, five, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void doesNotMakeTheDeclarerLeadWhenTheyAlreadyWearAnotherHat() {
            fixture.given(declaredBy(Severity.MAJOR, new Actor("u-ana", "Ana", "HUMAN")),
                            new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, ANA, null, false))
                    .when(new EnforceLeadDeadline(ID, five, null))
                    .expectEvents(new TimelineNoteAdded(ID, NoteKind.MILESTONE, "No lead after 5 minutes on a MAJOR"
                            + " incident; Ana is already INVESTIGATION_OWNER, so someone else must take the lead"));
        }
    }

    @Nested
    class Updates {

        @Test
        void defaultsTheNextUpdateOfACriticalIncidentTo15Minutes() {
            fixture.given(declared(Severity.CRITICAL))
                    .when(new PostUpdate(ID, "u1", Audience.INTERNAL, "Checkout failing", null, null, null, null, null))
                    .expectEvents(new UpdatePosted(ID, "u1", Audience.INTERNAL, "Checkout failing", null, null,
                            NOW.plus(Duration.ofMinutes(15)), null));
        }

        @Test
        void defaultsTheNextUpdateOfAMajorIncidentTo30Minutes() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new PostUpdate(ID, "u1", Audience.CUSTOMER, "Checkout failing", "Card payers",
                            "Rolling back", null, null, null))
                    .expectEvents(new UpdatePosted(ID, "u1", Audience.CUSTOMER, "Checkout failing", "Card payers",
                            "Rolling back", NOW.plus(Duration.ofMinutes(30)), null));
        }

        @Test
        void promisesNoNextUpdateForAMinorInternalUpdate() {
            fixture.given(declared(Severity.MINOR))
                    .when(new PostUpdate(ID, "u1", Audience.INTERNAL, "Looking", null, null, null, null, null))
                    .expectEvents(new UpdatePosted(ID, "u1", Audience.INTERNAL, "Looking", null, null, null, null));
        }

        @Test
        void usesTheConfiguredCadence() {
            fixtureWith(new UpdateCadence(java.util.Map.of(Severity.MINOR, Duration.ofMinutes(60))))
                    .given(declared(Severity.MINOR))
                    .when(new PostUpdate(ID, "u1", Audience.INTERNAL, "Looking", null, null, null, null, null))
                    .expectEvents(new UpdatePosted(ID, "u1", Audience.INTERNAL, "Looking", null, null,
                            NOW.plus(Duration.ofMinutes(60)), null));
        }

        @Test
        void rejectsACustomerUpdateMissingWhoIsAffected() {
            fixture.given(declared(Severity.CRITICAL))
                    .when(new PostUpdate(ID, "u1", Audience.CUSTOMER, "Checkout failing", null, "Rolling back",
                            null, null, null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("'whoIsAffected' is required");
        }

        @Test
        void rejectsACustomerUpdateOnAMinorIncidentWithoutNextUpdateTime() {
            fixture.given(declared(Severity.MINOR))
                    .when(new PostUpdate(ID, "u1", Audience.CUSTOMER, "a", "b", "c", null, null, null))
                    .expectException(InvalidFieldException.class);
        }

        @Test
        void rejectsAnUpdateWithoutWhatIsHappening() {
            fixture.given(declared(Severity.MINOR))
                    .when(new PostUpdate(ID, "u1", Audience.INTERNAL, null, null, null, null, null, null))
                    .expectException(InvalidFieldException.class);
        }

        @Test
        void rejectsANextUpdateTimeInThePast() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new PostUpdate(ID, "u1", Audience.INTERNAL, "x", null, null, NOW.minusSeconds(1), null, null))
                    .expectException(InvalidFieldException.class);
        }
    }

    @Nested
    class Alerts {

        @Test
        void attachesAnAlertWithItsLabels() {
            Instant startsAt = NOW.minusSeconds(120);
            fixture.given(declared(Severity.CRITICAL))
                    .when(new AttachAlerts(ID, "alertmanager", java.util.List.of(
                            new AlertChange("d12e2d0a324a312d", AlertStatus.FIRING,
                            "Checkout error rate above 5%", java.util.Map.of("service", "checkout"), startsAt, null,
                            "http://prometheus:9090/graph"))))
                    .expectEvents(new AlertAttached(ID, "alertmanager", "d12e2d0a324a312d", AlertStatus.FIRING,
                            "Checkout error rate above 5%", java.util.Map.of("service", "checkout"), startsAt, null,
                            "http://prometheus:9090/graph"));
        }

        @Test
        void attachesEveryAlertOfANotificationOrNone() {
            AlertChange good = new AlertChange("k1", AlertStatus.FIRING, "x", java.util.Map.of(), NOW, null, null);
            AlertChange bad = new AlertChange("k2", AlertStatus.FIRING, "x", java.util.Map.of(), NOW, null,
                    "javascript:alert(1)");
            fixture.given(declared(Severity.CRITICAL))
                    .when(new AttachAlerts(ID, "alertmanager", java.util.List.of(good,
                            new AlertChange("k3", AlertStatus.FIRING, "x", java.util.Map.of(), NOW, null, null))))
                    .expectEvents(new AlertAttached(ID, "alertmanager", "k1", AlertStatus.FIRING, "x",
                            java.util.Map.of(), NOW, null, null), new AlertAttached(ID, "alertmanager", "k3",
                            AlertStatus.FIRING, "x", java.util.Map.of(), NOW, null, null));
            fixture.given(declared(Severity.CRITICAL))
                    .when(new AttachAlerts(ID, "alertmanager", java.util.List.of(good, bad)))
                    .expectException(InvalidFieldException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAnAlertWithoutKey() {
            fixture.given(declared(Severity.CRITICAL))
                    .when(new AttachAlerts(ID, "alertmanager", java.util.List.of(
                            new AlertChange(" ", AlertStatus.FIRING, "x", java.util.Map.of(), NOW,
                            null, null))))
                    .expectException(InvalidFieldException.class);
        }

        @Test
        void rejectsAnAlertWhoseLinkIsNotHttp() {
            fixture.given(declared(Severity.CRITICAL))
                    .when(new AttachAlerts(ID, "alertmanager", java.util.List.of(
                            new AlertChange("k", AlertStatus.FIRING, "x", java.util.Map.of(), NOW,
                            null, "javascript:alert(1)"))))
                    .expectException(InvalidFieldException.class);
        }

        @Test
        void rejectsAnAlertOnAClosedIncident() {
            fixture.given(declared(Severity.MINOR), resolved(), new IncidentClosed(ID, null))
                    .when(new AttachAlerts(ID, "alertmanager", java.util.List.of(
                            new AlertChange("k", AlertStatus.FIRING, "x", java.util.Map.of(), NOW,
                            null, null))))
                    .expectException(IncidentRuleViolation.class);
        }
    }

    @Nested
    class NotesAndImpact {

        @Test
        void addsANoteOfEveryKind() {
            for (NoteKind kind : NoteKind.values()) {
                fixture.given(declared(Severity.MINOR))
                        .when(new AddTimelineNote(ID, kind, "9:34 found failing 3rd-party calls", null))
                        .expectEvents(new TimelineNoteAdded(ID, kind, "9:34 found failing 3rd-party calls"));
            }
        }

        @Test
        void addsNotesAfterResolution() {
            fixture.given(declared(Severity.MINOR), resolved())
                    .when(new AddTimelineNote(ID, NoteKind.ACTION, "follow-up filed", null))
                    .expectEvents(new TimelineNoteAdded(ID, NoteKind.ACTION, "follow-up filed"));
        }

        @Test
        void changesCustomerImpact() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new ChangeCustomerImpact(ID, true, List.of("checkout", "payments"), null))
                    .expectEvents(new CustomerImpactChanged(ID, true, List.of("checkout", "payments")));
        }

        @Test
        void rejectsAnImpactListingMoreThanFiftyServices() {
            List<String> services = java.util.stream.IntStream.range(0, 51).mapToObj(i -> "svc-" + i).toList();
            fixture.given(declared(Severity.MINOR))
                    .when(new ChangeCustomerImpact(ID, true, services, null))
                    .expectException(InvalidFieldException.class);
        }

        @Test
        void rejectsAnImpactChangeThatChangesNothing() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new ChangeCustomerImpact(ID, true, List.of("checkout"), null))
                    .expectException(IncidentRuleViolation.class);
        }
    }

    static DeclareIncident declareKind(Severity severity, IncidentType type, boolean drill, List<ExposureKind> exposure,
            String bridge, Person lead) {
        return new DeclareIncident(ID, "INC-42", "inc-2026-11-25-checkout-fails", "Checkout fails",
                "Card payments error", severity, severity.name(), true, List.of("checkout"), lead, IncidentSource.API,
                null, null, type, drill, exposure, bridge);
    }

    static IncidentDeclared declaredKind(Severity severity, String reported, IncidentType type, boolean drill,
            List<ExposureKind> exposure) {
        return new IncidentDeclared(ID, "INC-42", "Checkout fails", "Card payments error", severity, reported,
                IncidentStatus.INVESTIGATING, true, List.of("checkout"), IncidentSource.API, null, null,
                "inc-2026-11-25-checkout-fails", type, drill, exposure);
    }

    static final Person CAT = new Person("u-cat", "Cat", null, null);

    @Nested
    class SecurityIncidents {

        @Test
        void raisesAMajorDeclarationWithSuspectedCardDataToCriticalAndSaysWhyInADecisionNote() {
            fixture.givenNoPriorActivity()
                    .when(declareKind(Severity.MAJOR, null, false, List.of(ExposureKind.CARD_DATA), null, null))
                    .expectEvents(declaredKind(Severity.CRITICAL, "MAJOR", IncidentType.SECURITY, false,
                                    List.of(ExposureKind.CARD_DATA)),
                            new TimelineNoteAdded(ID, NoteKind.DECISION, "Declared CRITICAL instead of MAJOR:"
                                    + " suspected exposure of card data. Sensitive data (card details, credentials,"
                                    + " keys) that may be exposed makes an incident Critical at least"
                                    + " (docs/process.md#severities)."));
        }

        @Test
        void namesEveryExposureOnceInItsOrder() {
            fixture.givenNoPriorActivity()
                    .when(declareKind(Severity.MINOR, IncidentType.SECURITY, false, List.of(ExposureKind.KEYS,
                            ExposureKind.PERSONAL_DATA, ExposureKind.CREDENTIALS, ExposureKind.KEYS), null, null))
                    .expectEvents(declaredKind(Severity.CRITICAL, "MINOR", IncidentType.SECURITY, false,
                                    List.of(ExposureKind.CREDENTIALS, ExposureKind.KEYS, ExposureKind.PERSONAL_DATA)),
                            new TimelineNoteAdded(ID, NoteKind.DECISION, "Declared CRITICAL instead of MINOR:"
                                    + " suspected exposure of credentials and keys. Sensitive data (card details,"
                                    + " credentials, keys) that may be exposed makes an incident Critical at least"
                                    + " (docs/process.md#severities)."));
        }

        @Test
        void makesSuspectedPersonalDataASecurityIncidentWithoutRaisingIt() {
            fixture.givenNoPriorActivity()
                    .when(declareKind(Severity.MINOR, null, false, List.of(ExposureKind.PERSONAL_DATA), null, null))
                    .expectEvents(declaredKind(Severity.MINOR, "MINOR", IncidentType.SECURITY, false,
                            List.of(ExposureKind.PERSONAL_DATA)));
        }

        @Test
        void keepsACriticalDeclarationAsItIsWithoutANote() {
            fixture.givenNoPriorActivity()
                    .when(declareKind(Severity.CRITICAL, IncidentType.SECURITY, false,
                            List.of(ExposureKind.CREDENTIALS), null, null))
                    .expectEvents(declaredKind(Severity.CRITICAL, "CRITICAL", IncidentType.SECURITY, false,
                            List.of(ExposureKind.CREDENTIALS)));
        }

        @Test
        void saysWhenAChosenTypeBecomesSecurity() {
            fixture.givenNoPriorActivity()
                    .when(declareKind(Severity.MINOR, IncidentType.BILLING, false,
                            List.of(ExposureKind.PERSONAL_DATA), null, null))
                    .expectEvents(declaredKind(Severity.MINOR, "MINOR", IncidentType.SECURITY, false,
                                    List.of(ExposureKind.PERSONAL_DATA)),
                            new TimelineNoteAdded(ID, NoteKind.DECISION, "Declared a SECURITY incident instead of"
                                    + " BILLING: suspected exposure of personal data makes it a security incident"
                                    + " (docs/process.md#security-incidents)."));
        }

        @Test
        void keepsTheTypeGivenWithoutExposure() {
            fixture.givenNoPriorActivity()
                    .when(declareKind(Severity.MAJOR, IncidentType.VENDOR, false, List.of(), null, null))
                    .expectEvents(declaredKind(Severity.MAJOR, "MAJOR", IncidentType.VENDOR, false, List.of()));
        }

        @Test
        void letsTheSeverityOfASecurityIncidentBeLoweredWithAReason() {
            fixture.given(declaredKind(Severity.CRITICAL, "MAJOR", IncidentType.SECURITY, false,
                            List.of(ExposureKind.KEYS)))
                    .when(new ChangeSeverity(ID, Severity.MAJOR, "The keys were test keys", null))
                    .expectEvents(new SeverityChanged(ID, Severity.CRITICAL, Severity.MAJOR, "The keys were test keys"));
        }
    }

    @Nested
    class Drills {

        @Test
        void declaresADrill() {
            fixture.givenNoPriorActivity()
                    .when(declareKind(Severity.MAJOR, null, true, List.of(), null, null))
                    .expectEvents(declaredKind(Severity.MAJOR, "MAJOR", IncidentType.ENGINEERING, true, List.of()));
        }
    }

    @Nested
    class VideoBridges {

        @Test
        void attachesTheBridgeGivenAtDeclarationAfterTheDecisionNoteAndBeforeTheLead() {
            fixture.givenNoPriorActivity()
                    .when(declareKind(Severity.MAJOR, null, false, List.of(ExposureKind.KEYS),
                            "https://meet.example.com/inc-42", ANA))
                    .expectEvents(declaredKind(Severity.CRITICAL, "MAJOR", IncidentType.SECURITY, false,
                                    List.of(ExposureKind.KEYS)),
                            new TimelineNoteAdded(ID, NoteKind.DECISION, "Declared CRITICAL instead of MAJOR:"
                                    + " suspected exposure of keys. Sensitive data (card details, credentials, keys)"
                                    + " that may be exposed makes an incident Critical at least"
                                    + " (docs/process.md#severities)."),
                            new VideoBridgeAttached(ID, "https://meet.example.com/inc-42"),
                            new RoleAssigned(ID, IncidentRole.INCIDENT_LEAD, ANA, null, false));
        }

        @Test
        void replacesTheBridge() {
            fixture.given(declared(Severity.MINOR), new VideoBridgeAttached(ID, "https://meet.example.com/a"))
                    .when(new AttachVideoBridge(ID, "https://zoom.example.com/j/42", null))
                    .expectEvents(new VideoBridgeAttached(ID, "https://zoom.example.com/j/42"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://meet.example.com/a", "javascript:alert(1)", "meet.example.com/a", "https:///a",
                "not a link"})
        void rejectsAnythingButAnAbsoluteHttpsLink(String url) {
            fixture.given(declared(Severity.MINOR))
                    .when(new AttachVideoBridge(ID, url, null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("'url' must be an absolute https URL")
                    .expectNoEvents();
        }

        @Test
        void rejectsAnHttpBridgeAtDeclaration() {
            fixture.givenNoPriorActivity()
                    .when(declareKind(Severity.MINOR, null, false, List.of(), "http://meet.example.com/a", null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("'videoBridgeUrl' must be an absolute https URL");
        }

        @Test
        void rejectsAMissingBridge() {
            fixture.given(declared(Severity.MINOR))
                    .when(new AttachVideoBridge(ID, " ", null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("'url' is required");
        }

        @Test
        void rejectsALinkCarryingAPasscode() {
            fixture.given(declared(Severity.MINOR))
                    .when(new AttachVideoBridge(ID, "https://zoom.example.com/j/42?pwd=Zx81Qq7", null))
                    .expectException(SecretRejectedException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsTheSameBridgeAgain() {
            fixture.given(declared(Severity.MINOR), new VideoBridgeAttached(ID, "https://meet.example.com/a"))
                    .when(new AttachVideoBridge(ID, "https://meet.example.com/a", null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage("This video bridge is already attached");
        }

        @Test
        void rejectsABridgeOnAClosedIncident() {
            fixture.given(declared(Severity.MINOR), resolved(), new IncidentClosed(ID, null))
                    .when(new AttachVideoBridge(ID, "https://meet.example.com/a", null))
                    .expectException(IncidentRuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class SeveralInvestigators {

        @Test
        void addsAnInvestigatorBesideTheInvestigationOwner() {
            fixture.given(declared(Severity.MAJOR),
                            new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, ANA, null, false))
                    .when(new JoinRole(ID, IncidentRole.INVESTIGATION_OWNER, BOB, null))
                    .expectEvents(new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, BOB, null, true));
        }

        @Test
        void letsTheFirstInvestigatorJoinWhenNobodyInvestigatesYet() {
            fixture.given(declared(Severity.MINOR))
                    .when(new JoinRole(ID, IncidentRole.INVESTIGATION_OWNER, BOB, null))
                    .expectEvents(new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, BOB, null, true));
        }

        @Test
        void rejectsJoiningAnyOtherRole() {
            fixture.given(declared(Severity.MINOR), new RoleAssigned(ID, IncidentRole.INCIDENT_LEAD, ANA, null, false))
                    .when(new JoinRole(ID, IncidentRole.INCIDENT_LEAD, BOB, null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("Only INVESTIGATION_OWNER can have several holders; INCIDENT_LEAD is"
                            + " assigned, replacing its holder")
                    .expectNoEvents();
        }

        @Test
        void rejectsAnInvestigatorJoiningTwice() {
            fixture.given(declared(Severity.MAJOR),
                            new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, ANA, null, false),
                            new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, BOB, null, true))
                    .when(new JoinRole(ID, IncidentRole.INVESTIGATION_OWNER, BOB, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage("Bob already holds INVESTIGATION_OWNER");
        }

        @Test
        void rejectsTheLeadJoiningTheInvestigatorsOnAMajorIncident() {
            fixture.given(declared(Severity.MAJOR), new RoleAssigned(ID, IncidentRole.INCIDENT_LEAD, ANA, null, false),
                            new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, BOB, null, false))
                    .when(new JoinRole(ID, IncidentRole.INVESTIGATION_OWNER, ANA, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage("On a MAJOR incident the incident lead, the comms owner and the"
                            + " investigation owner are three people; Ana is already INCIDENT_LEAD")
                    .expectNoEvents();
        }

        @Test
        void rejectsASecondInvestigatorAsCommsOwnerOnACriticalIncident() {
            fixture.given(declared(Severity.CRITICAL),
                            new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, ANA, null, false),
                            new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, BOB, null, true))
                    .when(new AssignRole(ID, IncidentRole.COMMS_OWNER, BOB, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage("On a CRITICAL incident the incident lead, the comms owner and the"
                            + " investigation owner are three people; Bob is already INVESTIGATION_OWNER");
        }

        @Test
        void replacingTheInvestigationOwnerLeavesTheNewOneAsTheOnlyInvestigator() {
            fixture.given(declared(Severity.MAJOR),
                            new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, ANA, null, false),
                            new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, BOB, null, true),
                            new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, CAT, ANA, false))
                    .when(new AssignRole(ID, IncidentRole.COMMS_OWNER, BOB, null))
                    .expectEvents(new RoleAssigned(ID, IncidentRole.COMMS_OWNER, BOB, null, false));
        }

        @Test
        void replacingSeveralInvestigatorsByOneOfThemIsAChange() {
            fixture.given(declared(Severity.MINOR),
                            new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, ANA, null, false),
                            new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, BOB, null, true))
                    .when(new AssignRole(ID, IncidentRole.INVESTIGATION_OWNER, ANA, null))
                    .expectEvents(new RoleAssigned(ID, IncidentRole.INVESTIGATION_OWNER, ANA, ANA, false));
        }
    }

    @Nested
    class Containment {

        @Test
        void recordsTheFirstLever() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new RecordContainmentStep(ID, ContainmentLever.FEATURE_FLAG_OFF,
                            ContainmentOutcome.NOT_CONTAINED, "  checkout-v2 flag off  ", null))
                    .expectEvents(new ContainmentStepRecorded(ID, ContainmentLever.FEATURE_FLAG_OFF,
                            ContainmentOutcome.NOT_CONTAINED, "checkout-v2 flag off"));
        }

        @Test
        void refusesALeverWhileAnEarlierOneHasNoRecord() {
            fixture.given(declared(Severity.MAJOR), new ContainmentStepRecorded(ID, ContainmentLever.FEATURE_FLAG_OFF,
                            ContainmentOutcome.NOT_CONTAINED, ""))
                    .when(new RecordContainmentStep(ID, ContainmentLever.MIGRATION_ROLLBACK,
                            ContainmentOutcome.CONTAINED, null, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage("Containment levers are recorded in order (FEATURE_FLAG_OFF,"
                            + " DEPLOY_ROLLBACK, MIGRATION_ROLLBACK, DATA_CORRECTION): record DEPLOY_ROLLBACK before"
                            + " MIGRATION_ROLLBACK, or mark it NOT_APPLICABLE with a note saying why")
                    .expectNoEvents();
        }

        @Test
        void takesTheNextLeverOnceTheEarlierOnesAreRecordedOrNotApplicable() {
            fixture.given(declared(Severity.MAJOR),
                            new ContainmentStepRecorded(ID, ContainmentLever.FEATURE_FLAG_OFF,
                                    ContainmentOutcome.NOT_APPLICABLE, "No flag guards the ledger"),
                            new ContainmentStepRecorded(ID, ContainmentLever.DEPLOY_ROLLBACK,
                                    ContainmentOutcome.NOT_CONTAINED, "Rolled back to 41"),
                            new ContainmentStepRecorded(ID, ContainmentLever.MIGRATION_ROLLBACK,
                                    ContainmentOutcome.NOT_APPLICABLE, "No migration shipped"))
                    .when(new RecordContainmentStep(ID, ContainmentLever.DATA_CORRECTION,
                            ContainmentOutcome.CONTAINED, "Re-ran the ledger job", null))
                    .expectEvents(new ContainmentStepRecorded(ID, ContainmentLever.DATA_CORRECTION,
                            ContainmentOutcome.CONTAINED, "Re-ran the ledger job"));
        }

        @Test
        void recordsALeverAgainAsASecondTry() {
            fixture.given(declared(Severity.MAJOR), new ContainmentStepRecorded(ID, ContainmentLever.FEATURE_FLAG_OFF,
                            ContainmentOutcome.NOT_CONTAINED, ""))
                    .when(new RecordContainmentStep(ID, ContainmentLever.FEATURE_FLAG_OFF,
                            ContainmentOutcome.CONTAINED, null, null))
                    .expectEvents(new ContainmentStepRecorded(ID, ContainmentLever.FEATURE_FLAG_OFF,
                            ContainmentOutcome.CONTAINED, ""));
        }

        @Test
        void needsANoteToMarkALeverNotApplicable() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new RecordContainmentStep(ID, ContainmentLever.FEATURE_FLAG_OFF,
                            ContainmentOutcome.NOT_APPLICABLE, "  ", null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("'note' is required")
                    .expectNoEvents();
        }

        @Test
        void needsALeverAndAnOutcome() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new RecordContainmentStep(ID, null, ContainmentOutcome.CONTAINED, null, null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("'lever' is required");
        }

        @Test
        void rejectsASecretInTheNote() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new RecordContainmentStep(ID, ContainmentLever.FEATURE_FLAG_OFF,
                            ContainmentOutcome.CONTAINED, "flag api key AKIAIOSFODNN7EXAMPLE", null))
                    .expectException(SecretRejectedException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesContainmentOnAResolvedIncident() {
            fixture.given(declared(Severity.MAJOR), resolved())
                    .when(new RecordContainmentStep(ID, ContainmentLever.FEATURE_FLAG_OFF,
                            ContainmentOutcome.CONTAINED, null, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage("The incident is resolved; containment is recorded while it is open"
                            + " (reopen it first)");
        }

        @Test
        void refusesContainmentOnAClosedIncident() {
            fixture.given(declared(Severity.MINOR), resolved(), new IncidentClosed(ID, null))
                    .when(new RecordContainmentStep(ID, ContainmentLever.FEATURE_FLAG_OFF,
                            ContainmentOutcome.CONTAINED, null, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage("The incident is closed; closed is final");
        }
    }

    @Nested
    class Identified {

        @Test
        void recordsTheCause() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new IdentifyCause(ID, "Deploy 42 dropped the card-network timeout", null))
                    .expectEvents(new CauseIdentified(ID, "Deploy 42 dropped the card-network timeout"));
        }

        @Test
        void correctsTheCauseAlsoAfterResolution() {
            fixture.given(declared(Severity.MAJOR), new CauseIdentified(ID, "Deploy 42"), resolved())
                    .when(new IdentifyCause(ID, "Deploy 42 and the retry storm it caused", null))
                    .expectEvents(new CauseIdentified(ID, "Deploy 42 and the retry storm it caused"));
        }

        @Test
        void rejectsTheSameCauseAgain() {
            fixture.given(declared(Severity.MAJOR), new CauseIdentified(ID, "Deploy 42"))
                    .when(new IdentifyCause(ID, "Deploy 42", null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage("This cause is already recorded");
        }

        @Test
        void needsACause() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new IdentifyCause(ID, null, null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("'cause' is required");
        }
    }

    @Nested
    class StatusPageControls {

        private IncidentDeclared drill() {
            return new IncidentDeclared(ID, "INC-42", "Checkout fails", "", Severity.CRITICAL, "CRITICAL",
                    IncidentStatus.INVESTIGATING, true, List.of(), IncidentSource.API, null, null,
                    "drill-inc-42", IncidentType.ENGINEERING, true, List.of());
        }

        @Test
        void publishesWithPublicWording() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new PublishStatusPage(ID, " Card payments are failing ", null, null))
                    .expectEvents(new StatusPagePublished(ID, "Card payments are failing", null));
        }

        @Test
        void neverPublishesADrill() {
            fixture.given(drill())
                    .when(new PublishStatusPage(ID, "Card payments are failing", null, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("drills are never public"))
                    .expectNoEvents();
        }

        @Test
        void neverEmailsCustomersAboutADrill() {
            fixture.given(drill())
                    .when(new SendCustomerEmail(ID, null, null, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("drill"));
        }

        @Test
        void refusesTheInternalTitleAsThePublicTitle() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new EditPublicWording(ID, "checkout  FAILS", null, null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("the public title must not be the internal title");
        }

        @Test
        void refusesPersonalDataInPublicText() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new PublishStatusPage(ID, null, "Mail jane.doe@example.com for refunds", null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString(
                            "'publicMessage' is read by customers and must not carry personal data"));
        }

        @Test
        void refusesASecretInPublicText() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new SendCustomerEmail(ID, "card 4111 1111 1111 1111", null, null))
                    .expectException(SecretRejectedException.class);
        }

        @Test
        void capsThePublicMessageAt5000Characters() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new EditPublicWording(ID, null, "x".repeat(5_001), null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage("'publicMessage' is longer than 5000 characters");
        }

        @Test
        void editsWordingOnlyWhenSomethingIsGivenAndChanges() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new EditPublicWording(ID, null, null, null))
                    .expectException(InvalidFieldException.class);
            fixture.given(declared(Severity.MAJOR), new StatusPagePublished(ID, "Payments degraded", "Some fail"))
                    .when(new EditPublicWording(ID, "Payments degraded", null, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage("The public wording is already as given");
            fixture.given(declared(Severity.MAJOR), new StatusPagePublished(ID, "Payments degraded", "Some fail"))
                    .when(new EditPublicWording(ID, "Payments degraded", "All card payments fail", null))
                    .expectEvents(new PublicWordingEdited(ID, "Payments degraded", "All card payments fail"));
        }

        @Test
        void setsAComponentStatusBySlug() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new SetComponentStatus(ID, "checkout", ComponentStatus.PARTIAL_OUTAGE, null))
                    .expectEvents(new ComponentStatusSet(ID, "checkout", ComponentStatus.PARTIAL_OUTAGE));
            fixture.given(declared(Severity.MAJOR), new ComponentStatusSet(ID, "checkout",
                            ComponentStatus.PARTIAL_OUTAGE))
                    .when(new SetComponentStatus(ID, "checkout", ComponentStatus.PARTIAL_OUTAGE, null))
                    .expectException(IncidentRuleViolation.class);
            fixture.given(declared(Severity.MAJOR))
                    .when(new SetComponentStatus(ID, "-checkout", ComponentStatus.PARTIAL_OUTAGE, null))
                    .expectException(InvalidFieldException.class);
        }

        @Test
        void emailsCustomersOnlyAboutMajorOrCriticalIncidents() {
            fixture.given(declared(Severity.MINOR))
                    .when(new SendCustomerEmail(ID, null, null, null))
                    .expectException(IncidentRuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString(
                            "Customers are e-mailed about Critical and Major incidents"));
            fixture.given(declared(Severity.MAJOR), new CustomerEmailSent(ID, null, null))
                    .when(new SendCustomerEmail(ID, "Payments restored", null, null))
                    .expectEvents(new CustomerEmailSent(ID, "Payments restored", null));
        }

        @Test
        void hidesOnceUntilPublishedAgain() {
            fixture.given(declared(Severity.MAJOR), new StatusPageHidden(ID, null))
                    .when(new HideStatusPage(ID, "again", null))
                    .expectException(IncidentRuleViolation.class);
            fixture.given(declared(Severity.MAJOR), new StatusPageHidden(ID, null),
                            new StatusPagePublished(ID, null, null))
                    .when(new HideStatusPage(ID, "wrong component", null))
                    .expectEvents(new StatusPageHidden(ID, "wrong component"));
        }

        @Test
        void aWorkaroundIsForCustomerUpdatesOnly() {
            fixture.given(declared(Severity.MAJOR))
                    .when(new PostUpdate(ID, "u1", Audience.INTERNAL, "Slow", null, null, null, "Retry", null))
                    .expectException(InvalidFieldException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("'whatYouCanDo' is for CUSTOMER"));
            fixture.given(declared(Severity.MAJOR))
                    .when(new PostUpdate(ID, "u1", Audience.CUSTOMER, "Slow", "Card payers", "Rolling back", null,
                            "Pay by bank transfer", null))
                    .expectEvents(new UpdatePosted(ID, "u1", Audience.CUSTOMER, "Slow", "Card payers", "Rolling back",
                            NOW.plus(Duration.ofMinutes(30)), "Pay by bank transfer"));
        }

        @Test
        void refusesEveryControlOnAClosedIncident() {
            Object[] commands = {
                    new PublishStatusPage(ID, null, null, null),
                    new HideStatusPage(ID, null, null),
                    new EditPublicWording(ID, "Payments", null, null),
                    new SetComponentStatus(ID, "checkout", ComponentStatus.OPERATIONAL, null),
                    new SendCustomerEmail(ID, null, null, null)};
            for (Object command : commands) {
                fixture.given(declared(Severity.MAJOR), resolved(), new IncidentClosed(ID, null))
                        .when(command)
                        .expectException(IncidentRuleViolation.class)
                        .expectExceptionMessage("The incident is closed; closed is final");
            }
        }
    }
}
