package io.firebreak.notification.engine;

import io.firebreak.notification.domain.oncall.HandOff;
import io.firebreak.notification.domain.oncall.OnCallModel;
import io.firebreak.notification.domain.oncall.Person;
import io.firebreak.notification.domain.oncall.Schedule;
import io.firebreak.notification.domain.oncall.Team;
import io.firebreak.notification.oncall.OnCallDirectory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces hand-offs in the team's channel (issue 14: "Hand-offs are announced in the team channel"): who is on call
 * from now, and who handed over. Each (team, hand-off instant) is claimed by one row in {@code handoff_announcement}
 * together with queueing the message, so a second instance or a restart never announces one twice, and a hand-off
 * missed while every instance was down is still announced if it is less than {@link #LOOKBACK} old.
 */
@Component
public class HandOffAnnouncer {

    static final Duration LOOKBACK = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(HandOffAnnouncer.class);

    private final OnCallDirectory directory;
    private final SlackOutbox slack;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public HandOffAnnouncer(OnCallDirectory directory, SlackOutbox slack, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, Clock clock) {
        this.directory = directory;
        this.slack = slack;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${firebreak.notification.oncall.handoff-poll-interval:30s}",
            initialDelayString = "${firebreak.notification.oncall.handoff-poll-interval:30s}")
    public void poll() {
        announceDue(clock.instant());
    }

    /** Announces the hand-offs of the last {@link #LOOKBACK} not announced yet; returns how many this call did. */
    public int announceDue(Instant now) {
        OnCallModel model = directory.model();
        int announced = 0;
        for (Team team : model.teams().values()) {
            Schedule schedule = team.scheduleId() == null ? null : model.schedules().get(team.scheduleId());
            if (team.slackChannel() == null || schedule == null) {
                continue;
            }
            for (HandOff handOff : HandOff.between(schedule, model.overridesOf(schedule.id()), now.minus(LOOKBACK),
                    now)) {
                if (Boolean.TRUE.equals(transaction.execute(status -> announce(model, team, schedule, handOff, now)))) {
                    announced++;
                }
            }
        }
        return announced;
    }

    private boolean announce(OnCallModel model, Team team, Schedule schedule, HandOff handOff, Instant now) {
        int claimed = jdbc.update("INSERT INTO handoff_announcement (team_id, handoff_at, announced_at)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING", team.id(), Timestamp.from(handOff.at()),
                Timestamp.from(now));
        if (claimed == 0) {
            return false;
        }
        slack.enqueue("handoff:" + team.id() + ":" + handOff.at().getEpochSecond(), null, "#" + team.slackChannel(),
                "post", text(model, team, schedule, handOff));
        log.info("oncall.handoff_announced team={} schedule={} at={} people={}", team.id(), schedule.id(),
                handOff.at(), handOff.to().size());
        return true;
    }

    static String text(OnCallModel model, Team team, Schedule schedule, HandOff handOff) {
        String to = people(model, handOff.to());
        String from = people(model, handOff.from());
        String head = handOff.to().isEmpty()
                ? ":warning: Nobody is on call for *" + team.name() + "* (" + schedule.name() + ") from now."
                : ":arrows_counterclockwise: On call for *" + team.name() + "* (" + schedule.name() + ") from now: " + to
                        + ".";
        return handOff.from().isEmpty() ? head : head + " Handing over: " + from + ".";
    }

    private static String people(OnCallModel model, List<String> ids) {
        return ids.stream().map(id -> {
            Person person = model.people().get(id);
            if (person == null) {
                return id;
            }
            return person.slackUserId() == null ? person.name() : "<@" + person.slackUserId() + "> (" + person.name()
                    + ")";
        }).collect(Collectors.joining(", "));
    }
}
