package io.firebreak.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.notification.support.FakeSlack;
import io.firebreak.notification.support.FakeSlack.Call;
import io.firebreak.notification.support.FakeSlack.Posted;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.notification.support.SlackMessages;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.IncidentStory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Slack has no idempotency key: a post whose outcome is unknown is looked for in the channel (by the Firebreak
 * message id in its metadata) before it is tried again, so every message is in the channel exactly once.
 */
@NotificationIntegrationTest
class SlackCrashDrillIT {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    final FakeSlack slack = FakeSlack.get();

    @Test
    void aPostWhoseAnswerWasLostIsFoundByItsMetadataInsteadOfPostedAgain() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Lost answers", Severity.MINOR, false, "web");
            String channel = channelOf(story);
            await().atMost(Duration.ofSeconds(30)).until(() -> slack.messages(channel).size() == 1);

            // the update is also broadcast to #incidents (issue 16): the answer lost is the incident channel's
            slack.loseAnswerToPostIn(channel, "The gateway ate this answer");
            story.update(Audience.INTERNAL, "The gateway ate this answer", null, null);

            await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(state(story.incidentId, "update")));
            List<Posted> held = slack.messages(channel).stream()
                    .filter(m -> m.text().contains("The gateway ate this answer")).toList();
            assertThat(held).as("in the channel exactly once").hasSize(1);
            assertThat(slack.calls().stream().filter(c -> c.method().equals("chat.postMessage")
                    && channel.equals(c.params().get("channel"))
                    && c.params().get("text").contains("The gateway ate this answer")))
                    .as("posted once, answered 502: not posted again").singleElement()
                    .extracting(Call::status).isEqualTo(502);
            assertThat(slack.calls("conversations.history")).anySatisfy(c -> assertThat(c.params())
                    .containsEntry("channel", channel).containsEntry("include_all_metadata", "1"));
            Map<String, Object> row = row(story.incidentId, "update");
            assertThat(row.get("slack_ts")).as("the ts of the message found").isEqualTo(held.get(0).ts());
            assertThat(SlackMessages.firebreakId(held.get(0))).isEqualTo(row.get("message_id"));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM slack_attempt WHERE message_id = ?", Integer.class,
                    row.get("message_id"))).isZero();
        }
    }

    @Test
    void aLostAnswerFromAChannelPostedToByNameIsFoundThroughTheChannelIdSlackAnsweredBefore() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Named channel drill", Severity.MAJOR, false, "web");
            await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(state(story.incidentId, "announce")));
            String reference = jdbc.queryForObject("SELECT reference FROM incident WHERE incident_id = ?", String.class,
                    story.incidentId);
            String mirrored = reference + ": :large_blue_circle: Status Investigating → Fixing";
            slack.loseAnswerToPostContaining(mirrored);
            story.status(IncidentStatus.INVESTIGATING, IncidentStatus.FIXING);

            await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(state(story.incidentId, "mirror"))
                    && "SENT".equals(state(story.incidentId, "mirror-eng")));
            assertThat(slack.calls().stream().filter(c -> c.method().equals("chat.postMessage")
                    && c.params().get("text").equals(mirrored))).extracting(Call::status)
                    .as("one of the two mirrors lost its answer, neither was posted again").containsOnlyOnce(502)
                    .hasSize(2);
            for (String channel : List.of("#incidents", "#engineering")) {
                assertThat(slack.messages(channel)).filteredOn(m -> m.text().equals(mirrored)).as(channel).hasSize(1);
            }
        }
    }

    @Test
    void aWorkerThatDiesBetweenTheCallAndTheCommitLeavesEachMessageInTheChannelOnce() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            // the drill: the first four completions of this incident's channel posts fail after Slack took the post,
            // so their transaction rolls back as if the process had died between the call and the commit
            jdbc.execute("CREATE SEQUENCE IF NOT EXISTS notification.drill_crash");
            jdbc.execute("""
                    CREATE OR REPLACE FUNCTION notification.drill_crash() RETURNS trigger AS $$
                    BEGIN
                        IF NEW.state = 'SENT' AND NEW.incident_id = '%s' AND NEW.action IN ('post', 'summary') THEN
                            IF nextval('notification.drill_crash') <= 4 THEN
                                RAISE EXCEPTION 'drill: died between the Slack call and the commit';
                            END IF;
                        END IF;
                        RETURN NEW;
                    END $$ LANGUAGE plpgsql""".formatted(story.incidentId));
            jdbc.execute("CREATE TRIGGER drill_crash BEFORE UPDATE ON notification.slack_message FOR EACH ROW"
                    + " EXECUTE FUNCTION notification.drill_crash()");
            try {
                story.declared("Crash drill", Severity.MINOR, false, "web")
                        .update(Audience.INTERNAL, "Crash drill: first update", null, null)
                        .update(Audience.INTERNAL, "Crash drill: second update", null, null);
                String channel = channelOf(story);
                await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("""
                        SELECT count(*) FROM slack_message WHERE incident_id = ? AND target = 'incident'
                            AND action IN ('post', 'summary') AND state = 'SENT'""", Integer.class, story.incidentId) == 3);
                assertThat(jdbc.queryForObject("SELECT last_value FROM notification.drill_crash", Long.class))
                        .as("the drill did crash").isGreaterThanOrEqualTo(4);

                List<Posted> held = slack.messages(channel);
                List<String> ids = held.stream().map(SlackMessages::firebreakId).filter(Objects::nonNull).toList();
                assertThat(ids).as("every message carries its id, and each is in the channel once").hasSize(held.size())
                        .doesNotHaveDuplicates().hasSize(3);
                assertThat(held).filteredOn(m -> m.text().contains("Crash drill: first update")).hasSize(1);
                assertThat(held).filteredOn(m -> m.text().contains("Crash drill: second update")).hasSize(1);
                Posted summary = held.stream().filter(m -> SlackMessages.firebreakId(m).endsWith(":summary"))
                        .findFirst().orElseThrow();
                assertThat(jdbc.queryForList("""
                        SELECT message_id, slack_ts FROM slack_message WHERE incident_id = ? AND target = 'incident'
                            AND action IN ('post', 'summary')""", story.incidentId)).allSatisfy(r -> assertThat(
                        held.stream().filter(m -> r.get("message_id").equals(SlackMessages.firebreakId(m))).findFirst()
                                .orElseThrow().ts()).isEqualTo(r.get("slack_ts")));
                await().atMost(Duration.ofSeconds(30)).until(() -> slack.isPinned(channel, summary.ts()));
                assertThat(jdbc.queryForObject("SELECT ts FROM slack_summary WHERE incident_id = ?", String.class,
                        story.incidentId)).isEqualTo(summary.ts());
                // the summary found again shows what was current when it was posted: it is edited to the newest state
                await().atMost(Duration.ofSeconds(30)).until(() -> SlackMessages.blockText(slack.messages(channel)
                        .stream().filter(m -> m.ts().equals(summary.ts())).findFirst().orElseThrow().blocks())
                        .contains("Crash drill: second update"));
            } finally {
                jdbc.execute("DROP TRIGGER IF EXISTS drill_crash ON notification.slack_message");
            }
        }
    }

    private String channelOf(IncidentStory story) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> slack.createdChannelIds(story.channelName()).stream().findFirst().orElse(null), Objects::nonNull);
    }

    private String state(String incidentId, String what) {
        Map<String, Object> row = row(incidentId, what);
        return row == null ? null : (String) row.get("state");
    }

    private Map<String, Object> row(String incidentId, String what) {
        return jdbc.queryForList("SELECT * FROM slack_message WHERE incident_id = ? AND message_id LIKE ?",
                incidentId, "%:" + what).stream().findFirst().orElse(null);
    }
}
