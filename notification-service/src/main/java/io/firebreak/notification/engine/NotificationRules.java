package io.firebreak.notification.engine;

import io.firebreak.notification.domain.oncall.ContactMethod;
import io.firebreak.notification.domain.oncall.ContactMethodKind;
import io.firebreak.notification.domain.oncall.NotificationRule;
import io.firebreak.notification.domain.oncall.Person;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns a page to a person into scheduled deliveries, one per notification rule (every contact method at once when
 * the person has none), in the caller's transaction. Delivery is {@code delivery.ContactDeliveryWorker}'s job; an
 * acknowledgement or resolve before a row is due makes it {@code CANCELLED} there, whichever way the ack came in.
 */
@Component
public class NotificationRules {

    private static final Logger log = LoggerFactory.getLogger(NotificationRules.class);

    private final JdbcTemplate jdbc;

    public NotificationRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Slack DMs of people without rules of their own stay with the page itself (its DM predates the rules), so the
     * default plan leaves Slack out; a person with rules gets Slack when their rules say so.
     */
    public static boolean pageSendsSlackDm(Person person) {
        return person.notificationRules().isEmpty();
    }

    public void schedule(String pageId, String incidentId, Person person, Instant triggeredAt) {
        Map<String, ContactMethod> methods = person.methods().stream()
                .collect(Collectors.toMap(ContactMethod::id, Function.identity(), (a, b) -> a));
        int planned = 0;
        for (NotificationRule rule : person.rules()) {
            ContactMethod method = methods.get(rule.contactMethod());
            if (method == null || pageSendsSlackDm(person) && method.kind() == ContactMethodKind.SLACK_DM) {
                continue;
            }
            Timestamp due = Timestamp.from(triggeredAt.plus(rule.after()));
            planned += jdbc.update("""
                    INSERT INTO contact_delivery (delivery_id, page_id, incident_id, person_id, method_id, kind, address,
                        due_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    pageId + ":" + method.id() + ":" + rule.afterMinutes(), pageId, incidentId, person.id(),
                    method.id(), method.kind().name(), method.address(), due, due);
        }
        if (planned > 0) {
            log.info("page.rules_planned page={} person={} deliveries={}", pageId, person.id(), planned);
        }
    }
}
