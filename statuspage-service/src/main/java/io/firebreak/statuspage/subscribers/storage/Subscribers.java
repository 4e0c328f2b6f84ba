package io.firebreak.statuspage.subscribers.storage;

import io.firebreak.statuspage.subscribers.domain.EmailAddresses;
import io.firebreak.statuspage.subscribers.domain.LinkPurpose;
import io.firebreak.statuspage.subscribers.domain.NoticeText;
import io.firebreak.statuspage.subscribers.domain.SignedLinks;
import io.firebreak.statuspage.config.StatusPageProperties;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The subscriber rows: e-mail subscriptions (double opt-in) and webhooks. Blocking: callers run it off the event
 * loop. Addresses are logged masked only.
 */
@Component
public class Subscribers {

    private static final Logger log = LoggerFactory.getLogger(Subscribers.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SignedLinks links;
    private final Clock clock;
    private final String pageName;
    private final String pageUrl;
    private final java.time.Duration confirmTtl;

    public Subscribers(JdbcTemplate jdbc, PlatformTransactionManager transactions, SignedLinks links, Clock clock,
            StatusPageProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.links = links;
        this.clock = clock;
        this.pageName = properties.getName();
        this.pageUrl = NoticeText.stripSlash(properties.getUrl());
        this.confirmTtl = properties.getSubscribers().getConfirmLinkTtl();
    }

    /**
     * Asks for an e-mail subscription: a new or still unconfirmed address gets (again) a confirm-link e-mail through
     * the durable deliveries; a confirmed one is left as it is (the answer does not tell which, so nobody learns
     * who subscribed).
     */
    public void requestEmail(String address, List<String> components) {
        String normalized = EmailAddresses.normalize(address);
        transaction.executeWithoutResult(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.update("""
                    INSERT INTO subscriber (subscriber_id, channel, address, components, created_at)
                    VALUES (?, 'EMAIL', ?, ?, ?) ON CONFLICT (lower(address)) WHERE channel = 'EMAIL' DO NOTHING""",
                    UUID.randomUUID().toString(), normalized, array(components), now);
            List<Row> rows = jdbc.query("SELECT subscriber_id, confirmed_at FROM subscriber"
                    + " WHERE channel = 'EMAIL' AND lower(address) = lower(?) FOR UPDATE",
                    (rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2) != null), normalized);
            Row row = rows.get(0);
            if (row.confirmed()) {
                log.info("subscribers.already_confirmed address={}", EmailAddresses.mask(normalized));
                return;
            }
            jdbc.update("UPDATE subscriber SET components = ? WHERE subscriber_id = ?", array(components), row.id());
            NoticeText.Message message = NoticeText.confirmation(pageName,
                    pageUrl + "/subscriptions/confirm?token=" + links.token(LinkPurpose.CONFIRM, row.id()), confirmTtl);
            String noticeId = "confirm-" + UUID.randomUUID();
            jdbc.update("INSERT INTO notice (notice_id, kind, subscriber_id, subject, body, created_at, fanned_out_at)"
                    + " VALUES (?, 'CONFIRMATION', ?, ?, ?, ?, ?)", noticeId, row.id(), message.subject(),
                    message.body(), now, now);
            jdbc.update("INSERT INTO delivery (notice_id, subscriber_id, next_attempt_at) VALUES (?, ?, ?)", noticeId,
                    row.id(), now);
            log.info("subscribers.confirmation_queued subscriber={} address={}", row.id(),
                    EmailAddresses.mask(normalized));
        });
    }

    /** Confirms the subscription a link names; false when it no longer exists. */
    public boolean confirm(String subscriberId) {
        return jdbc.update("UPDATE subscriber SET confirmed_at = coalesce(confirmed_at, ?) WHERE subscriber_id = ?"
                + " AND channel = 'EMAIL'", Timestamp.from(clock.instant()), subscriberId) == 1;
    }

    /** Whether a subscription (of any channel) exists. */
    public boolean exists(String subscriberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM subscriber WHERE subscriber_id = ?)", Boolean.class, subscriberId));
    }

    /** Deletes a subscriber and, by cascade, whatever was still queued for it; false when there was none. */
    public boolean delete(String subscriberId) {
        return jdbc.update("DELETE FROM subscriber WHERE subscriber_id = ?", subscriberId) == 1;
    }

    public boolean delete(String subscriberId, Channel channel) {
        return jdbc.update("DELETE FROM subscriber WHERE subscriber_id = ? AND channel = ?", subscriberId,
                channel.name()) == 1;
    }

    /** A webhook subscriber, confirmed at once (an operator with {@code statuspage:write} created it). */
    public Instant createWebhook(String id, String url, List<String> components, String secret, String actorId) {
        Instant now = clock.instant();
        jdbc.update("INSERT INTO subscriber (subscriber_id, channel, address, components, secret, created_at,"
                + " confirmed_at, created_by) VALUES (?, 'WEBHOOK', ?, ?, ?, ?, ?, ?)", id, url, array(components),
                secret, Timestamp.from(now), Timestamp.from(now), actorId);
        return now;
    }

    public List<SubscriberView> list() {
        return jdbc.query("SELECT subscriber_id, channel, address, components, confirmed_at, created_at FROM subscriber"
                + " ORDER BY created_at, subscriber_id", (rs, n) -> view(rs));
    }

    private static SubscriberView view(ResultSet rs) throws SQLException {
        Channel channel = Channel.valueOf(rs.getString(2));
        String address = rs.getString(3);
        String shown = channel == Channel.EMAIL ? EmailAddresses.mask(address) : hostOnly(address);
        return new SubscriberView(rs.getString(1), channel, shown, strings(rs.getArray(4)), rs.getTimestamp(5) != null,
                rs.getTimestamp(6).toInstant());
    }

    /** A webhook URL may carry a token in its path or query: the list shows scheme and host only. */
    private static String hostOnly(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…";
        } catch (IllegalArgumentException e) {
            return "…";
        }
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    /** Unconfirmed addresses whose confirm link has expired: deleted, they are personal data kept for nothing. */
    public int purgeUnconfirmed(Instant createdBefore) {
        return jdbc.update("DELETE FROM subscriber WHERE channel = 'EMAIL' AND confirmed_at IS NULL AND created_at < ?",
                Timestamp.from(createdBefore));
    }

    public Optional<Boolean> confirmed(String subscriberId) {
        List<Boolean> rows = jdbc.query("SELECT confirmed_at IS NOT NULL FROM subscriber WHERE subscriber_id = ?",
                (rs, n) -> rs.getBoolean(1), subscriberId);
        return rows.stream().findFirst();
    }

    private record Row(String id, boolean confirmed) {
    }
}
