package io.firebreak.notification.domain.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest {

    final Routing routing = new Routing(List.of("founder"));
    final Schedule schedule = new Schedule("pay", "Payments", "Europe/Berlin", List.of(new Layer(new Rotation("pay-r",
            "R", RotationType.WEEKLY, 1, LocalTime.of(9, 0), LocalDate.of(2026, 1, 5), null, List.of("ana")), null)),
            List.of());
    final Team team = new Team("payments", "Payments", "payments", new BusinessHours(LocalTime.of(9, 0),
            LocalTime.of(17, 0), List.of(DayOfWeek.MONDAY), "Europe/Berlin"), "pay", "em", "pm", "em");
    final OnCallModel model = OnCallModel.of(List.of(person("ana"), person("em"), person("pm"), person("founder")),
            List.of(team), List.of(schedule), List.of(), List.of(),
            List.of(new Service("checkout", "Checkout", "payments", null, null, null, true)));

    static Person person(String id) {
        return new Person(id, id, null, null, null);
    }

    @Test
    void aCriticalIncidentPagesOnCallManagerAndLeadershipInOneStep() {
        Route route = routing.route(model, List.of("unknown", "Checkout"), Severity.CRITICAL, Instant.now());
        assertThat(route).isInstanceOfSatisfying(Route.Escalate.class, e -> {
            assertThat(e.ref()).isEqualTo("team:payments:CRITICAL");
            assertThat(e.policy().steps()).singleElement().satisfies(step -> assertThat(step.targets())
                    .containsExactly(Target.schedule("pay"), Target.person("em"), Target.person("founder")));
            assertThat(routing.resolve(model, e.ref())).contains(e.policy());
        });
    }

    @Test
    void aMajorIncidentPagesOnCallThenTheManagers() {
        Route.Escalate e = (Route.Escalate) routing.route(model, List.of("checkout"), Severity.MAJOR, Instant.now());
        assertThat(e.policy().steps()).extracting(EscalationStep::targets).containsExactly(
                List.of(Target.schedule("pay")), List.of(Target.person("em"), Target.person("pm")));
    }

    @Test
    void aMinorIncidentPagesOnlyWithinBusinessHoursAndNeverTheFounder() {
        Instant mondayMorning = Instant.parse("2026-01-05T09:30:00Z");
        Instant sundayNight = Instant.parse("2026-01-04T22:00:00Z");
        Route.Escalate inHours = (Route.Escalate) routing.route(model, List.of("checkout"), Severity.MINOR, mondayMorning);
        assertThat(inHours.policy().steps()).singleElement().extracting(EscalationStep::targets)
                .isEqualTo(List.of(Target.schedule("pay")));
        assertThat(routing.route(model, List.of("checkout"), Severity.MINOR, sundayNight))
                .isEqualTo(new Route.TellChannel("payments", team, model.services().get("checkout")));
    }

    @Test
    void aDrillPagesTheFirstStepWithoutLeadershipOnceWhateverTheHour() {
        EscalationPolicy critical = routing.drill(model, team, Severity.CRITICAL);
        assertThat(critical.id()).isEqualTo("drill:payments:CRITICAL");
        assertThat(critical.repeat()).isZero();
        assertThat(critical.steps()).singleElement().satisfies(step -> assertThat(step.targets())
                .containsExactly(Target.schedule("pay"), Target.person("em")));
        assertThat(routing.drill(model, team, Severity.MAJOR).steps()).singleElement()
                .extracting(EscalationStep::targets).isEqualTo(List.of(Target.schedule("pay")));
        assertThat(routing.resolve(model, critical.id())).contains(critical);
        Team leaderless = new Team("solo", "Solo", null, null, null, "founder", null, null);
        assertThat(routing.drill(OnCallModel.of(List.of(person("founder")), List.of(leaderless), List.of(), List.of(),
                List.of(), List.of()), leaderless, Severity.CRITICAL).steps()).as("leadership only: nobody").isEmpty();
    }

    @Test
    void aPersonsTeamIsTheOneWhoseScheduleTheyRotateInElseTheOneTheyManage() {
        assertThat(Routing.teamOf(model, "ana")).contains(team);
        assertThat(Routing.teamOf(model, "pm")).contains(team);
        assertThat(Routing.teamOf(model, "founder")).isEmpty();
        assertThat(Routing.teamOf(model, null)).isEmpty();
    }

    @Test
    void theDefaultLeadComesFromTheFirstAffectedServiceWhoseTeamNamesOne() {
        assertThat(Routing.defaultLeadTeam(model, List.of("search", "Checkout"))).contains(team);
        assertThat(Routing.defaultLeadTeam(model, List.of("search"))).isEmpty();
    }

    @Test
    void anUnknownServiceFallsBackToTheDefault() {
        assertThat(routing.route(model, List.of("search"), Severity.CRITICAL, Instant.now()))
                .isInstanceOf(Route.Default.class);
    }
}
