package io.firebreak.notification.domain.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a valid contact method and notification rule is, and which rules apply when a person has none. */
class ContactMethodRulesTest {

    private static Person person(List<ContactMethod> methods, List<NotificationRule> rules) {
        return new Person("ana", "Ana", null, null, "+4930123456", methods, rules);
    }

    private static String refused(ContactMethodKind kind, String address) {
        return OnCallRules.person(person(List.of(new ContactMethod("m", kind, address)), List.of()))
                .map(Violation::field).orElse(null);
    }

    @Test
    void refusesAddressesThatDoNotFitTheKind() {
        assertThat(refused(ContactMethodKind.EMAIL, "ana.example.com")).isEqualTo("contactMethods[0].address");
        assertThat(refused(ContactMethodKind.SMS, "030123456")).isEqualTo("contactMethods[0].address");
        assertThat(refused(ContactMethodKind.VOICE, "+0123456789")).isEqualTo("contactMethods[0].address");
        assertThat(refused(ContactMethodKind.PUSH, "ftp://ntfy.sh/topic")).isEqualTo("contactMethods[0].address");
        assertThat(refused(ContactMethodKind.PUSH, "https://ntfy.sh/")).as("a server without a topic")
                .isEqualTo("contactMethods[0].address");
        assertThat(refused(ContactMethodKind.WEBHOOK, "javascript:alert(1)")).isEqualTo("contactMethods[0].address");
        assertThat(refused(ContactMethodKind.PAGERDUTY, "short")).isEqualTo("contactMethods[0].address");
        assertThat(refused(ContactMethodKind.SLACK_DM, "@ana")).isEqualTo("contactMethods[0].address");
        assertThat(refused(null, "x")).isEqualTo("contactMethods[0].kind");
    }

    @Test
    void acceptsTheAddressesEachKindTakes() {
        assertThat(refused(ContactMethodKind.EMAIL, "ana@example.com")).isNull();
        assertThat(refused(ContactMethodKind.SMS, "+4930123456")).isNull();
        assertThat(refused(ContactMethodKind.PUSH, "http://ntfy.internal:8080/ana-pages")).isNull();
        assertThat(refused(ContactMethodKind.WEBHOOK, "https://hooks.example.com/page")).isNull();
        assertThat(refused(ContactMethodKind.PAGERDUTY, "0123456789abcdef0123456789ABCDEF")).isNull();
        assertThat(refused(ContactMethodKind.SLACK_DM, "U012AB3CD")).isNull();
    }

    @Test
    void readsAnUnknownKindAsMissingSoTheRuleCanNameTheField() {
        assertThat(ContactMethodKind.of("PIGEON")).isNull();
        assertThat(ContactMethodKind.of("push")).isEqualTo(ContactMethodKind.PUSH);
    }

    @Test
    void refusesRulesNamingNoMethodOrANegativeDelay() {
        assertThat(OnCallRules.person(person(List.of(), List.of(new NotificationRule("pager", 0)))))
                .get().extracting(Violation::field).isEqualTo("notificationRules[0].contactMethod");
        assertThat(OnCallRules.person(person(List.of(), List.of(new NotificationRule("sms", -1)))))
                .get().extracting(Violation::field).isEqualTo("notificationRules[0].afterMinutes");
        assertThat(OnCallRules.person(person(List.of(new ContactMethod("sms", ContactMethodKind.PUSH,
                "https://ntfy.sh/a")), List.of()))).as("sms names the phone's method already")
                .get().extracting(Violation::field).isEqualTo("contactMethods[0].id");
    }

    @Test
    void withoutRulesEveryMethodIsUsedAtOnce() {
        Person ana = new Person("ana", "Ana", "U0ANA", "ana@example.com", "+4930123456",
                List.of(new ContactMethod("push", ContactMethodKind.PUSH, "https://ntfy.sh/ana")), List.of());
        assertThat(ana.methods()).extracting(ContactMethod::id).containsExactly("push", "slack-dm", "email", "sms", "voice");
        assertThat(ana.rules()).extracting(NotificationRule::contactMethod)
                .containsExactly("push", "slack-dm", "email", "sms", "voice");
        assertThat(ana.rules()).allSatisfy(rule -> assertThat(rule.afterMinutes()).isZero());
    }
}
