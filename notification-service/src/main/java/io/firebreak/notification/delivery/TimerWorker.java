package io.firebreak.notification.delivery;

import io.firebreak.notification.engine.CustomerComms;
import io.firebreak.notification.engine.DebriefReminders;
import io.firebreak.notification.engine.DefaultLeads;
import io.firebreak.notification.engine.Escalations;
import io.firebreak.notification.engine.Reminders;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due timers from PostgreSQL. Each timer is claimed with {@code FOR UPDATE SKIP LOCKED} and handled in the
 * same transaction that marks it done, so several instances never fire one twice and a crash fires it again.
 */
@Component
public class TimerWorker {

    private static final Logger log = LoggerFactory.getLogger(TimerWorker.class);

    private final JdbcTemplate jdbc;
    private final Escalations escalations;
    private final Reminders reminders;
    private final DebriefReminders debriefs;
    private final DefaultLeads defaultLeads;
    private final CustomerComms customerComms;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public TimerWorker(JdbcTemplate jdbc, Escalations escalations, Reminders reminders,
            DebriefReminders debriefs, DefaultLeads defaultLeads, CustomerComms customerComms,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.customerComms = customerComms;
        this.defaultLeads = defaultLeads;
        this.debriefs = debriefs;
        this.escalations = escalations;
        this.reminders = reminders;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${firebreak.notification.paging.timer-poll-interval:1s}")
    public void fireDue() {
        while (Boolean.TRUE.equals(transaction.execute(status -> fireOne(clock.instant())))) {
            // one timer per transaction until none is due
        }
    }

    private boolean fireOne(Instant now) {
        List<Map<String, Object>> due = jdbc.queryForList("SELECT * FROM timer WHERE state = 'PENDING' AND due_at <= ?"
                + " ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED", Timestamp.from(now));
        if (due.isEmpty()) {
            return false;
        }
        Map<String, Object> timer = due.get(0);
        String kind = (String) timer.get("kind");
        String id = (String) timer.get("timer_id");
        String incidentId = (String) timer.get("incident_id");
        String payload = (String) timer.get("payload");
        if (kind.equals("ACK_TIMEOUT")) {
            escalations.onAckTimeout(incidentId, payload, now);
        } else if (reminders.handles(kind)) {
            reminders.fire(id, kind, incidentId, payload, now);
        } else if (debriefs.handles(kind)) {
            debriefs.fire(id, incidentId, payload, now);
        } else if (defaultLeads.handles(kind)) {
            defaultLeads.fire(id, incidentId, now);
        } else if (customerComms.handles(kind)) {
            customerComms.fire(id, kind, incidentId, now);
        } else {
            log.warn("timer.unknown_kind timer={} kind={}", id, kind);
        }
        jdbc.update("UPDATE timer SET state = 'DONE' WHERE timer_id = ?", id);
        return true;
    }
}
