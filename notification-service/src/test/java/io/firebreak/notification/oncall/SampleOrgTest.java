package io.firebreak.notification.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.notification.domain.oncall.EscalationPolicy;
import io.firebreak.notification.domain.oncall.OnCallModel;
import io.firebreak.notification.domain.oncall.OnCallRules;
import io.firebreak.notification.domain.oncall.Override;
import io.firebreak.notification.domain.oncall.Person;
import io.firebreak.notification.domain.oncall.Schedule;
import io.firebreak.notification.domain.oncall.Service;
import io.firebreak.notification.domain.oncall.Team;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The sample organisation shipped for the local stack parses and passes every rule, on top of the YAML seed. */
class SampleOrgTest {

    @Test
    void theSampleOrganisationIsValidOnTopOfTheSeed() {
        OnCallFile file = new OnCallFile(null, null, null, new DefaultResourceLoader(), null, null);
        OnCallDocument sample = file.read("classpath:oncall/sample-org.yml");
        assertThat(sample.teams()).hasSize(2);
        assertThat(sample.services()).hasSize(3);
        assertThat(sample.schedules()).singleElement().satisfies(s -> assertThat(s.overrides()).hasSize(1));

        List<Person> people = new ArrayList<>(List.of(new Person("founder", "Founder", null, null, null),
                new Person("avery", "Avery", null, null, null)));
        List<Schedule> schedules = new ArrayList<>(List.of(new Schedule("platform", "platform", "UTC", List.of(
                new io.firebreak.notification.domain.oncall.Layer(new io.firebreak.notification.domain.oncall.Rotation(
                        "platform", "platform", null, 1, LocalTime.of(9, 0), LocalDate.of(2026, 1, 5), null,
                        List.of("avery")), null)), List.of())));
        List<Team> teams = new ArrayList<>();
        List<EscalationPolicy> policies = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        List<Override> overrides = new ArrayList<>();
        for (Person p : sample.people()) {
            assertThat(OnCallRules.person(p)).as(p.id()).isEmpty();
            people.add(p);
        }
        for (OnCallDocument.FileSchedule s : sample.schedules()) {
            assertThat(OnCallRules.schedule(model(people, teams, schedules, overrides, policies, services), s.schedule()))
                    .as(s.id()).isEmpty();
            schedules.add(s.schedule());
            for (OnCallDocument.FileOverride o : s.overrides()) {
                Override override = new Override(o.id(), s.id(), o.kind(), o.addPerson(), o.removePerson(), o.start(),
                        o.end());
                assertThat(OnCallRules.override(model(people, teams, schedules, overrides, policies, services), override))
                        .isEmpty();
                overrides.add(override);
            }
        }
        for (Team t : sample.teams()) {
            assertThat(OnCallRules.team(model(people, teams, schedules, overrides, policies, services), t)).as(t.id())
                    .isEmpty();
            teams.add(t);
        }
        for (EscalationPolicy p : sample.escalationPolicies()) {
            assertThat(OnCallRules.policy(model(people, teams, schedules, overrides, policies, services), p)).as(p.id())
                    .isEmpty();
            policies.add(p);
        }
        assertThat(policies.get(0).steps().get(1).delay()).isEqualTo(Duration.ofMinutes(10));
        for (Service s : sample.services()) {
            assertThat(OnCallRules.service(model(people, teams, schedules, overrides, policies, services), s)).as(s.id())
                    .isEmpty();
            services.add(s);
        }
        OnCallModel model = model(people, teams, schedules, overrides, policies, services);
        assertThat(io.firebreak.notification.domain.oncall.OnCallCalendar.at(model.schedules().get("payments-primary"),
                model.overridesOf("payments-primary"), Instant.parse("2026-12-25T12:00:00Z")))
                .as("the holiday override replaces ana").doesNotContain("ana");
    }

    @Test
    void theSeedTurnsTheYamlRotationAndChainIntoModelItems() {
        var paging = new io.firebreak.notification.config.NotificationProperties.Paging(java.util.Set.of("CRITICAL"),
                java.util.Map.of("DEFAULT", new io.firebreak.notification.config.NotificationProperties.Policy(List.of(
                        new io.firebreak.notification.config.NotificationProperties.Level(List.of("rotation:platform"),
                                Duration.ofSeconds(3)),
                        new io.firebreak.notification.config.NotificationProperties.Level(List.of("rotation:platform+1",
                                "person:em"), Duration.ofMinutes(5))), 1)),
                List.of(new io.firebreak.notification.config.NotificationProperties.Rotation("platform", Duration.ofDays(7),
                        Instant.parse("2026-01-05T09:00:00Z"), List.of(
                                new io.firebreak.notification.config.NotificationProperties.Person("avery", "Avery", null,
                                        null)))),
                List.of(new io.firebreak.notification.config.NotificationProperties.Person("em", null, "UEM", null)),
                "", "", "", Duration.ofSeconds(1));
        OnCallDocument seed = OnCallFile.seed(paging);
        assertThat(seed.people()).extracting(Person::id).containsExactly("avery", "em");
        assertThat(seed.people().get(1).name()).isEqualTo("em");
        var rotation = seed.schedules().get(0).layers().get(0).rotation();
        assertThat(rotation.type()).isEqualTo(io.firebreak.notification.domain.oncall.RotationType.WEEKLY);
        assertThat(rotation.shiftStart(0)).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
        assertThat(seed.escalationPolicies()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("default");
            assertThat(p.repeat()).isEqualTo(1);
            assertThat(p.steps().get(0).delay()).isEqualTo(Duration.ofSeconds(3));
            assertThat(p.steps().get(1).targets()).hasSize(2);
        });
    }

    private static OnCallModel model(List<Person> people, List<Team> teams, List<Schedule> schedules,
            List<Override> overrides, List<EscalationPolicy> policies, List<Service> services) {
        return OnCallModel.of(people, teams, schedules, overrides, policies, services);
    }
}
