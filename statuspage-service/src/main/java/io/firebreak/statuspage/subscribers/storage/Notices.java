package io.firebreak.statuspage.subscribers.storage;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.subscribers.domain.NoticeText;
import io.firebreak.statuspage.subscribers.domain.WebhookPayload;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what happened into notices and notices into deliveries. New customer-visible entries of published incidents
 * ({@code incident_update}, written by readmodel) become one notice per incident and round, about the latest entry
 * (an incident published after earlier customer updates is one notice, not a burst). A notice fans out into one
 * delivery per confirmed subscriber whose components it touches, in the transaction that marks it fanned out;
 * notices are claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances share the work.
 */
@Component
public class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);
    /** A customer e-mail for an incident this page has not seen yet waits this long for it, then is dropped. */
    private static final Duration UNKNOWN_INCIDENT_GRACE = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final IncidentFactsReader incidents;
    private final Clock clock;
    private final JsonMapper json;
    private final String pageName;
    private final String pageUrl;

    public Notices(JdbcTemplate jdbc, PlatformTransactionManager transactions, IncidentFactsReader incidents,
            Clock clock, JsonMapper json, StatusPageProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.incidents = incidents;
        this.clock = clock;
        this.json = json;
        this.pageName = properties.getName();
        this.pageUrl = NoticeText.stripSlash(properties.getUrl());
    }

    /** The comms owner's customer e-mail (event CustomerEmailSent), once per event id; null texts mean the draft. */
    public void requestCustomerEmail(String eventId, String incidentId, String subject, String body) {
        jdbc.update("INSERT INTO notice (notice_id, kind, incident_id, subject, body, created_at)"
                + " VALUES (?, 'CUSTOMER_EMAIL', ?, ?, ?, ?) ON CONFLICT (notice_id) DO NOTHING",
                "customer-email-" + eventId, incidentId, subject, body, Timestamp.from(clock.instant()));
    }

    /** The latest "what you can do" of an incident's customer updates (sequence-guarded: a late event is ignored). */
    public void recordWorkaround(String incidentId, String text, long sequence) {
        jdbc.update("""
                INSERT INTO incident_workaround (incident_id, what_you_can_do, sequence) VALUES (?, ?, ?)
                ON CONFLICT (incident_id) DO UPDATE SET what_you_can_do = excluded.what_you_can_do,
                    sequence = excluded.sequence WHERE incident_workaround.sequence < excluded.sequence""",
                incidentId, text, sequence);
    }

    /** New entries of published incidents into notices; returns how many notices were made. */
    public int noticeNewUpdates() {
        Integer made = transaction.execute(status -> {
            List<String[]> pending = jdbc.query("""
                    SELECT u.update_id, u.incident_id FROM incident_update u
                    JOIN incident i ON i.incident_id = u.incident_id
                    WHERE i.published AND NOT i.drill
                      AND NOT EXISTS (SELECT 1 FROM update_noticed n WHERE n.update_id = u.update_id)
                    ORDER BY u.created_at, u.update_id LIMIT 500""",
                    (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
            Map<String, String> latest = new LinkedHashMap<>();
            Timestamp now = Timestamp.from(clock.instant());
            int notices = 0;
            for (String[] row : pending) {
                latest.put(row[1], row[0]);
            }
            for (String[] row : pending) {
                boolean mine = jdbc.update("INSERT INTO update_noticed (update_id, noticed_at) VALUES (?, ?)"
                        + " ON CONFLICT DO NOTHING", row[0], now) == 1;
                if (mine && row[0].equals(latest.get(row[1]))) {
                    notices += noticeUpdate(row[1], row[0], now);
                }
            }
            return notices;
        });
        return made == null ? 0 : made;
    }

    private int noticeUpdate(String incidentId, String updateId, Timestamp now) {
        Optional<IncidentFactsReader.Incident> incident = incidents.readAt(incidentId, updateId);
        if (incident.isEmpty()) {
            return 0;
        }
        String noticeId = "update-" + updateId;
        NoticeText.Message message = NoticeText.incidentUpdate(pageName, pageUrl, incident.get().facts());
        String payload = json.writeValueAsString(WebhookPayload.of(noticeId, pageName, pageUrl,
                incident.get().facts(), incident.get().componentIds()));
        return jdbc.update("INSERT INTO notice (notice_id, kind, incident_id, subject, body, payload, created_at)"
                + " VALUES (?, 'INCIDENT_UPDATE', ?, ?, ?, ?, ?) ON CONFLICT (notice_id) DO NOTHING", noticeId,
                incidentId, message.subject(), message.body(), payload, now);
    }

    /** Fans pending notices out into deliveries; returns how many notices were fanned out. */
    public int fanOut(int batch) {
        Integer done = transaction.execute(status -> {
            List<Pending> pending = jdbc.query("SELECT notice_id, kind, incident_id, subject, body, created_at"
                    + " FROM notice WHERE fanned_out_at IS NULL ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED",
                    (rs, n) -> new Pending(rs.getString(1), NoticeKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()), batch);
            int fanned = 0;
            for (Pending notice : pending) {
                fanned += fanOut(notice) ? 1 : 0;
            }
            return fanned;
        });
        return done == null ? 0 : done;
    }

    private boolean fanOut(Pending notice) {
        Instant now = clock.instant();
        Optional<IncidentFactsReader.Incident> incident = notice.incidentId() == null ? Optional.empty()
                : incidents.read(notice.incidentId());
        int deliveries = 0;
        switch (notice.kind()) {
            case INCIDENT_UPDATE -> {
                if (incident.isPresent()) {
                    deliveries = enqueue(notice.id(), incident.get().componentIds(), null, now);
                }
            }
            case CUSTOMER_EMAIL -> {
                if (incident.isEmpty()) {
                    if (notice.createdAt().plus(UNKNOWN_INCIDENT_GRACE).isAfter(now)) {
                        return false; // the page's own consumer may not have stored the incident yet
                    }
                    log.warn("subscribers.customer_email_dropped notice={} reason=unknown_incident", notice.id());
                } else if (incident.get().drill()) {
                    log.info("subscribers.customer_email_skipped notice={} reason=drill", notice.id());
                } else {
                    if (notice.subject() == null || notice.body() == null) {
                        NoticeText.Message draft = NoticeText.customerEmail(pageName, pageUrl,
                                incident.get().facts(), now);
                        jdbc.update("UPDATE notice SET subject = coalesce(subject, ?), body = coalesce(body, ?)"
                                + " WHERE notice_id = ?", draft.subject(), draft.body(), notice.id());
                    }
                    deliveries = enqueue(notice.id(), incident.get().componentIds(), Channel.EMAIL, now);
                }
            }
            case CONFIRMATION -> {
                // queued with its one delivery when it was asked for
            }
        }
        jdbc.update("UPDATE notice SET fanned_out_at = ? WHERE notice_id = ?", Timestamp.from(now), notice.id());
        log.info("subscribers.fanned_out notice={} kind={} deliveries={}", notice.id(), notice.kind(), deliveries);
        return true;
    }

    /** One delivery per confirmed subscriber (of {@code channel}, or any) who wants one of these components. */
    private int enqueue(String noticeId, List<String> componentIds, Channel channel, Instant now) {
        return jdbc.update("""
                INSERT INTO delivery (notice_id, subscriber_id, next_attempt_at)
                SELECT ?, s.subscriber_id, ? FROM subscriber s
                WHERE s.confirmed_at IS NOT NULL AND (?::text IS NULL OR s.channel = ?)
                  AND (cardinality(s.components) = 0 OR s.components && ?::text[])
                ON CONFLICT DO NOTHING""", noticeId, Timestamp.from(now), channel == null ? null : channel.name(),
                channel == null ? null : channel.name(), componentIds.toArray(String[]::new));
    }

    private record Pending(String id, NoticeKind kind, String incidentId, String subject, String body,
            Instant createdAt) {
    }
}
