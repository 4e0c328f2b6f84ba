package io.firebreak.notification.engine;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.StakeholderEmail;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.sensitive.PersonalData;
import io.firebreak.schemas.sensitive.SecretDetector;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues the stakeholder e-mails of an event (docs/process.md#stakeholder-updates): every update (internal or
 * customer: stakeholders are an internal audience, so they read both), the mitigation and the resolution of a Major
 * or Critical incident, to each address of {@code firebreak.notification.stakeholders.emails}. One row per event and
 * address, in the listener's transaction, so a redelivery queues nothing twice; {@code StakeholderEmailWorker} sends
 * them. Drills only when the organisation includes them ({@code stakeholders.include-drills}).
 */
@Component
public class StakeholderEmails {

    private static final Set<String> LOUD = Set.of("MAJOR", "CRITICAL");

    private final JdbcTemplate jdbc;
    private final NotificationProperties properties;
    private final Clock clock;

    public StakeholderEmails(JdbcTemplate jdbc, NotificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        for (String address : properties.stakeholders().emails()) {
            try {
                new InternetAddress(address, true);
            } catch (AddressException e) {
                // a typo here would lose every stakeholder e-mail silently: refuse to start instead
                throw new IllegalStateException("firebreak.notification.stakeholders.emails: not an e-mail address: "
                        + address, e);
            }
        }
    }

    /** Queues the e-mails telling {@code news} of the incident of {@code h}, if it is one stakeholders follow. */
    public void queue(EventHeader h, StakeholderEmail.News news) {
        List<String> addresses = properties.stakeholders().emails();
        if (addresses.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT i.reference, i.title, i.severity, i.status, i.lead_name, i.channel_name, i.drill,
                    i.incident_type, c.channel_id
                FROM incident i LEFT JOIN slack_channel c ON c.incident_id = i.incident_id
                WHERE i.incident_id = ?""", h.getIncidentId());
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Object> row = rows.get(0);
        boolean drill = Boolean.TRUE.equals(row.get("drill"));
        if (!LOUD.contains((String) row.get("severity")) || drill && !properties.stakeholders().includeDrills()) {
            return;
        }
        String channelId = (String) row.get("channel_id");
        String channelLink = channelId == null ? "#" + row.get("channel_name")
                : properties.contact().slackChannelLink().replace("{channel}", channelId);
        // an e-mail travels further than the incident channel: no secret, card number or personal data in it
        StakeholderEmail email = StakeholderEmail.of(new StakeholderEmail.Incident((String) row.get("reference"),
                clean((String) row.get("title")), (String) row.get("severity"), (String) row.get("status"),
                clean((String) row.get("lead_name")), channelLink,
                properties.incidentUrl() + "/api/v1/incidents/" + h.getIncidentId(), drill,
                "SECURITY".equals(row.get("incident_type"))),
                new StakeholderEmail.News(news.what(), news.headline(),
                        news.lines().stream().map(StakeholderEmails::clean).toList()));
        Timestamp now = Timestamp.from(clock.instant());
        for (String address : addresses) {
            jdbc.update("""
                    INSERT INTO stakeholder_email (email_id, event_id, incident_id, address, subject, body,
                        next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (email_id) DO NOTHING""",
                    h.getEventId() + ":" + address, h.getEventId(), h.getIncidentId(), address, email.subject(),
                    email.body(), now, now);
        }
    }

    private static String clean(String text) {
        return text == null ? null : PersonalData.redact(SecretDetector.redact(text));
    }
}
