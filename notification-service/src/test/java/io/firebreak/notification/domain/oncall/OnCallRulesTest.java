package io.firebreak.notification.domain.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnCallRulesTest {

    final Person ana = new Person("ana", "Ana", null, null, null);
    final Schedule schedule = new Schedule("s", "S", "UTC", List.of(new Layer(new Rotation("r", "R", RotationType.DAILY, 1,
            LocalTime.of(9, 0), LocalDate.of(2026, 1, 1), null, List.of("ana")), null)), List.of());
    final EscalationPolicy a = new EscalationPolicy("a", "A", List.of(new EscalationStep(null,
            List.of(new Target(TargetKind.POLICY, "b", 0)))), 0);
    final OnCallModel model = OnCallModel.of(List.of(ana), List.of(), List.of(schedule), List.of(
            new Override("o1", "s", OverrideKind.ADD, "ana", null, Instant.parse("2026-01-01T10:00:00Z"),
                    Instant.parse("2026-01-01T12:00:00Z"))), List.of(a), List.of());

    @Test
    void refusesAnEmptyRotationUnknownPeopleAndTimeZonesThatDoNotExist() {
        Schedule empty = new Schedule("t", "T", "UTC", List.of(new Layer(new Rotation("r2", "R", null, 1, null,
                LocalDate.of(2026, 1, 1), null, List.of()), null)), List.of());
        assertThat(OnCallRules.schedule(model, empty)).get().extracting(Violation::field)
                .isEqualTo("layers[0].rotation.participants");
        Schedule stranger = new Schedule("t", "T", "UTC", List.of(new Layer(new Rotation("r2", "R", null, 1, null,
                LocalDate.of(2026, 1, 1), null, List.of("ana", "zed")), null)), List.of());
        assertThat(OnCallRules.schedule(model, stranger)).get().extracting(Violation::field)
                .isEqualTo("layers[0].rotation.participants[1]");
        assertThat(OnCallRules.schedule(model, new Schedule("t", "T", "Mars/Olympus", List.of(), List.of())))
                .get().extracting(Violation::field).isEqualTo("timeZone");
    }

    @Test
    void refusesOverlappingOverridesForTheSamePerson() {
        Override overlapping = new Override("o2", "s", OverrideKind.REMOVE, null, "ana",
                Instant.parse("2026-01-01T11:00:00Z"), Instant.parse("2026-01-01T13:00:00Z"));
        assertThat(OnCallRules.override(model, overlapping)).get().extracting(Violation::field).isEqualTo("start");
        Override after = new Override("o3", "s", OverrideKind.REMOVE, null, "ana",
                Instant.parse("2026-01-01T12:00:00Z"), Instant.parse("2026-01-01T13:00:00Z"));
        assertThat(OnCallRules.override(model, after)).isEmpty();
    }

    @Test
    void refusesAPolicyTargetingItselfOrClosingACycle() {
        EscalationPolicy self = new EscalationPolicy("c", "C", List.of(new EscalationStep(null,
                List.of(new Target(TargetKind.POLICY, "c", 0)))), 0);
        assertThat(OnCallRules.policy(model, self)).get().isEqualTo(new Violation("steps[0].targets[0].id",
                "a policy cannot target itself"));
        EscalationPolicy b = new EscalationPolicy("b", "B", List.of(new EscalationStep(null,
                List.of(new Target(TargetKind.POLICY, "a", 0)))), 0);
        assertThat(OnCallRules.policy(model, b)).get().extracting(Violation::field).isEqualTo("steps");
    }
}
