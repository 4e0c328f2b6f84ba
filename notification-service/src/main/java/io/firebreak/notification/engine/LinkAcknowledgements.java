package io.firebreak.notification.engine;

import io.firebreak.notification.acklink.AckLink;
import io.firebreak.notification.acklink.AckLinkCheck;
import io.firebreak.notification.acklink.AckLinks;
import io.firebreak.notification.domain.IncidentMarks;
import io.firebreak.notification.domain.oncall.Person;
import io.firebreak.notification.engine.Acknowledgements.Acknowledger;
import io.firebreak.notification.oncall.OnCallKind;
import io.firebreak.notification.oncall.OnCallStore;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acknowledging through a signed link ({@link AckLinks}): looking at a link changes nothing (mail scanners fetch
 * links), redeeming it records its nonce and acknowledges through {@link Acknowledgements} in one transaction, as
 * the person the link was issued to. A link is redeemed once. Blocking: call it off the event loop. Logs name the
 * page and the outcome, never the token.
 */
@Component
public class LinkAcknowledgements {

    private static final Logger log = LoggerFactory.getLogger(LinkAcknowledgements.class);

    private final AckLinks links;
    private final Acknowledgements acknowledgements;
    private final OnCallStore oncall;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public LinkAcknowledgements(AckLinks links, Acknowledgements acknowledgements, OnCallStore oncall, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.links = links;
        this.acknowledgements = acknowledgements;
        this.oncall = oncall;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The page a link is for, as the confirmation page shows it. */
    public record LinkedPage(String pageId, String incidentId, String reference, String title, String severity,
            String responderId, String responderName, String state, String acknowledgedBy, String escalationState,
            IncidentMarks marks) {
    }

    /** What became of a link. */
    public sealed interface Outcome {

        /** Valid and unused: the confirmation page may offer the button. */
        record Ready(LinkedPage page, String personName) implements Outcome {
        }

        /** Redeemed now; {@code acknowledgedNow} is false when the paging had already stopped (nothing changed). */
        record Redeemed(LinkedPage page, String personName, boolean acknowledgedNow) implements Outcome {
        }

        record AlreadyUsed() implements Outcome {
        }

        record Expired() implements Outcome {
        }

        record BadSignature() implements Outcome {
        }

        record Malformed() implements Outcome {
        }

        /** Signed by us, for a page this service does not hold (e.g. a database restored from before it). */
        record UnknownPage() implements Outcome {
        }
    }

    /** For showing the link: verifies it and whether it is still unused; changes nothing. */
    public Outcome look(String token) {
        AckLinkCheck check = links.verify(token);
        if (!(check instanceof AckLinkCheck.Valid valid)) {
            return refused(check, "look");
        }
        AckLink link = valid.link();
        if (used(link)) {
            log.info("ack_link.refused page={} reason=used action=look", link.pageId());
            return new Outcome.AlreadyUsed();
        }
        return page(link.pageId()).<Outcome>map(page -> new Outcome.Ready(page, personName(link, page)))
                .orElseGet(Outcome.UnknownPage::new);
    }

    /** Redeems the link: records its nonce and acknowledges its page, all or nothing. */
    public Outcome redeem(String token) {
        AckLinkCheck check = links.verify(token);
        if (!(check instanceof AckLinkCheck.Valid valid)) {
            return refused(check, "redeem");
        }
        AckLink link = valid.link();
        Outcome outcome = transaction.execute(status -> {
            Optional<LinkedPage> before = page(link.pageId());
            if (before.isEmpty()) {
                return new Outcome.UnknownPage();
            }
            Instant now = clock.instant();
            int recorded = jdbc.update("INSERT INTO ack_link_use (nonce, page_id, person_id, expires_at, used_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", link.nonce(), link.pageId(), link.personId(),
                    Timestamp.from(link.expiresAt()), Timestamp.from(now));
            if (recorded == 0) {
                return new Outcome.AlreadyUsed();
            }
            String name = personName(link, before.get());
            // joins this transaction: the nonce and the acknowledgement commit together
            acknowledgements.page(link.pageId(), new Acknowledger(link.personId(), name, ActorKind.HUMAN));
            LinkedPage after = page(link.pageId()).orElseThrow();
            boolean acknowledgedNow = "ACKNOWLEDGED".equals(after.state()) && !"ACKNOWLEDGED".equals(before.get().state())
                    && name.equals(after.acknowledgedBy());
            return new Outcome.Redeemed(after, name, acknowledgedNow);
        });
        if (outcome instanceof Outcome.Redeemed redeemed) {
            log.info("ack_link.redeemed page={} incident={} person={} acknowledged_now={}", link.pageId(),
                    redeemed.page().incidentId(), link.personId(), redeemed.acknowledgedNow());
        } else {
            log.info("ack_link.refused page={} reason={} action=redeem", link.pageId(),
                    outcome.getClass().getSimpleName());
        }
        return outcome;
    }

    private Outcome refused(AckLinkCheck check, String action) {
        Outcome outcome;
        if (check instanceof AckLinkCheck.Expired) {
            outcome = new Outcome.Expired();
        } else if (check instanceof AckLinkCheck.BadSignature) {
            outcome = new Outcome.BadSignature();
        } else {
            outcome = new Outcome.Malformed();
        }
        log.info("ack_link.refused reason={} action={}", outcome.getClass().getSimpleName(), action);
        return outcome;
    }

    private boolean used(AckLink link) {
        return jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM ack_link_use WHERE nonce = ?)", Boolean.class,
                link.nonce());
    }

    private Optional<LinkedPage> page(String pageId) {
        return jdbc.query("""
                SELECT p.page_id, p.incident_id, i.reference, i.title, i.severity, p.responder_id, p.responder_name, p.state,
                       p.acknowledged_by, e.state AS escalation_state, i.drill, i.incident_type
                FROM page p JOIN incident i ON i.incident_id = p.incident_id
                LEFT JOIN escalation e ON e.incident_id = p.incident_id
                WHERE p.page_id = ?""",
                (rs, n) -> new LinkedPage(rs.getString("page_id"), rs.getString("incident_id"),
                        rs.getString("reference"), rs.getString("title"), rs.getString("severity"),
                        rs.getString("responder_id"), rs.getString("responder_name"), rs.getString("state"), rs.getString("acknowledged_by"),
                        rs.getString("escalation_state"),
                        IncidentMarks.of(rs.getBoolean("drill"), rs.getString("incident_type"))),
                pageId).stream().findFirst();
    }

    /** The person's name as the on-call model knows it; the page's responder name when the link is theirs. */
    private String personName(AckLink link, LinkedPage page) {
        Optional<String> known = oncall.find(OnCallKind.PERSON, link.personId(), Person.class).map(Person::name);
        if (known.isPresent()) {
            return known.get();
        }
        return link.personId().equals(page.responderId()) ? page.responderName() : link.personId();
    }
}
