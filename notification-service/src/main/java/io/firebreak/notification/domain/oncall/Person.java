package io.firebreak.notification.domain.oncall;

import java.util.ArrayList;
import java.util.List;

/**
 * Someone who can be paged: how to reach them ({@code contactMethods}, plus the methods their Slack user id, e-mail
 * and phone imply) and when ({@code notificationRules}: each names a method and a delay; none means every method
 * at once).
 */
public record Person(String id, String name, String slackUserId, String email, String phone,
        List<ContactMethod> contactMethods, List<NotificationRule> notificationRules) {

    public Person {
        contactMethods = contactMethods == null ? List.of() : List.copyOf(contactMethods);
        notificationRules = notificationRules == null ? List.of() : List.copyOf(notificationRules);
    }

    public Person(String id, String name, String slackUserId, String email, String phone) {
        this(id, name, slackUserId, email, phone, List.of(), List.of());
    }

    /** Every way to reach the person: the listed methods, then those implied by Slack id, e-mail and phone. */
    public List<ContactMethod> methods() {
        List<ContactMethod> all = new ArrayList<>(contactMethods);
        implied(all, "slack-dm", ContactMethodKind.SLACK_DM, slackUserId);
        implied(all, "email", ContactMethodKind.EMAIL, email);
        implied(all, "sms", ContactMethodKind.SMS, phone);
        implied(all, "voice", ContactMethodKind.VOICE, phone);
        return all;
    }

    /** The rules that apply: the person's own, or every method immediately. */
    public List<NotificationRule> rules() {
        return notificationRules.isEmpty()
                ? methods().stream().map(method -> new NotificationRule(method.id(), 0)).toList()
                : notificationRules;
    }

    private static void implied(List<ContactMethod> all, String id, ContactMethodKind kind, String address) {
        if (address != null && !address.isBlank() && all.stream().noneMatch(m -> id.equals(m.id())
                || kind == m.kind() && address.equals(m.address()))) {
            all.add(new ContactMethod(id, kind, address));
        }
    }
}
