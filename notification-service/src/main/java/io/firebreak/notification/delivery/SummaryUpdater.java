package io.firebreak.notification.delivery;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.readmodel.IncidentSummaries;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
 * Keeps each pinned summary current: edits it in place ({@code chat.update}) while the incident's summary version is
 * ahead of the version it shows. Content and version are read together and the summary is rendered from the newest
 * state, so a burst of events becomes one edit (at most one per incident per {@code min-interval}) and a change
 * that arrives during an edit is shown by the next one: the last state is never lost.
 */
@Component
public class SummaryUpdater {

    private static final Logger log = LoggerFactory.getLogger(SummaryUpdater.class);
    /** A summary Slack refuses to edit (deleted, archived channel) is tried again this much later, not every poll. */
    private static final Duration AFTER_REFUSAL = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final MethodsClient slack;
    private final Duration minInterval;
    private final SlackPace pace;
    private final IncidentSummaries summaries;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public SummaryUpdater(JdbcTemplate jdbc, NotificationProperties properties, Slack slack, SlackPace pace,
            IncidentSummaries summaries, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.slack = properties.slack().enabled() ? slack.methods(properties.slack().botToken()) : null;
        this.minInterval = properties.slack().minInterval();
        this.pace = pace;
        this.summaries = summaries;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${firebreak.notification.slack.poll-interval:200ms}")
    public synchronized void updateDue() {
        if (slack == null) {
            return;
        }
        List<String> due = jdbc.queryForList("""
                SELECT s.incident_id FROM slack_summary s JOIN incident i ON i.incident_id = s.incident_id
                WHERE i.summary_version > s.rendered_version ORDER BY s.updated_at LIMIT 100""", String.class);
        for (String incidentId : due) {
            Instant now = clock.instant();
            if (pace.paced(lane(incidentId), now)) {
                continue;
            }
            transaction.executeWithoutResult(status -> update(incidentId, now));
        }
    }

    private void update(String incidentId, Instant now) {
        // locked for this instance; another instance editing the same summary skips it
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT channel_id, ts FROM slack_summary WHERE incident_id = ? FOR UPDATE SKIP LOCKED""", incidentId);
        if (rows.isEmpty()) {
            return;
        }
        String channel = (String) rows.get(0).get("channel_id");
        String ts = (String) rows.get(0).get("ts");
        IncidentSummaries.Current current = summaries.current(incidentId).orElse(null);
        if (current == null) {
            return;
        }
        try {
            ChatUpdateResponse response = slack.chatUpdate(r -> r.channel(channel).ts(ts)
                    .text(current.summary().fallbackText()).blocks(SlackBlocks.summary(current.summary())));
            if (!response.isOk()) {
                pace.pace(lane(incidentId), now.plus(AFTER_REFUSAL));
                log.warn("slack.summary_update_refused incident={} channel={} error={}", incidentId, channel,
                        response.getError());
                return;
            }
            jdbc.update("UPDATE slack_summary SET rendered_version = GREATEST(rendered_version, ?), updated_at = ?"
                    + " WHERE incident_id = ?", current.version(), Timestamp.from(now), incidentId);
            pace.pace(lane(incidentId), now.plus(minInterval));
            log.info("slack.summary_updated incident={} version={}", incidentId, current.version());
        } catch (SlackApiException e) {
            long wait = e.getResponse().code() == 429
                    ? SlackPace.retryAfterSeconds(e.getResponse().header("Retry-After")) : 5;
            pace.pace(lane(incidentId), now.plusSeconds(wait));
            log.warn("slack.summary_update_failed incident={} status={} retryInSeconds={}", incidentId,
                    e.getResponse().code(), wait);
        } catch (IOException e) {
            pace.pace(lane(incidentId), now.plusSeconds(5));
            log.warn("slack.summary_update_failed incident={} error={}", incidentId, e.toString());
        }
    }

    private static String lane(String incidentId) {
        return "summary:" + incidentId;
    }
}
