package io.firebreak.deploy.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.deploy.testing.SharedStack;
import io.firebreak.deploy.testing.SlackStandIn;
import io.firebreak.deploy.testing.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, item 6, on the stack as {@code ./firebreak-local} runs it: the Slack stand-in kills notification-service
 * (the launcher's kill -9) right after it accepted a chat.postMessage and before it answers, twice (the pinned
 * summary, then an update). The supervisor restarts the service, which finds each post by the Firebreak message id
 * in its metadata instead of posting it again: every message is in the channel exactly once. Runs on the
 * {@link SharedStack} after the scenario, so the stand-in holds the scenario's channels too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@Order(3)
class SlackCrashDrillIT {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    /** The pinned summary's notification text is the only post with "· Lead:". */
    private static final String SUMMARY = "Slack crash drill · Minor · Investigating · Lead:";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private SlackStandIn slack;
    private TestStack stack;

    @BeforeAll
    void useTheSharedStack() {
        stack = SharedStack.get().stack();
        slack = SharedStack.get().slack();
    }

    @Test
    void killedBetweenTheSlackCallAndTheCommitEachMessageIsInTheChannelOnce() throws Exception {
        Runnable kill = () -> {
            try {
                stack.stack().kill("notification-service");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        int killsBefore = slack.kills();
        slack.killAfterPosting(SUMMARY, kill);
        String id = match(post("/api/v1/incidents", """
                {"title": "Slack crash drill", "severity": "MINOR", "affectedServices": ["search"]}"""));
        await().atMost(Duration.ofSeconds(60)).until(() -> slack.kills() == killsBefore + 1);
        stack.stack().restart("notification-service");

        String channel = await().atMost(Duration.ofSeconds(120)).until(this::channelOf, Objects::nonNull);
        await().atMost(Duration.ofSeconds(120)).until(() -> summary(channel) != null
                && slack.isPinned(channel, summary(channel).ts()));

        slack.killAfterPosting("Drill update after the first crash", kill);
        post("/api/v1/incidents/" + id + "/updates", """
                {"audience": "INTERNAL", "whatIsHappening": "Drill update after the first crash",
                 "nextUpdateInMinutes": 30}""");
        await().atMost(Duration.ofSeconds(60)).until(() -> slack.kills() == killsBefore + 2);
        stack.stack().restart("notification-service");
        post("/api/v1/incidents/" + id + "/updates", """
                {"audience": "INTERNAL", "whatIsHappening": "Drill update after the second crash",
                 "nextUpdateInMinutes": 30}""");
        await().atMost(Duration.ofSeconds(120)).until(() -> slack.messages(channel).stream()
                .anyMatch(m -> m.text().contains("Drill update after the second crash")));

        // one snapshot: the broadcast to #incidents may land at any moment, and must not land between two readings
        SlackStandIn.Snapshot now = slack.snapshot();
        List<SlackStandIn.Posted> held = now.channels().get(channel);
        assertThat(held).extracting(SlackStandIn.Posted::firebreakId).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(held).filteredOn(m -> m.firebreakId().endsWith(":summary")).hasSize(1);
        assertThat(held).filteredOn(m -> m.text().contains("Drill update after the first crash")).hasSize(1);
        // the update is also broadcast to #incidents: every channel holds it once, however many posts were attempted
        now.channels().forEach((any, messages) -> assertThat(messages)
                .filteredOn(m -> m.text().contains("Drill update after the first crash"))
                .as("in %s: found after the restart, not posted again", any).hasSizeLessThanOrEqualTo(1));
        long channelsWithIt = now.channels().values().stream().filter(messages -> messages.stream()
                .anyMatch(m -> m.text().contains("Drill update after the first crash"))).count();
        assertThat(now.postedTexts()).filteredOn(t -> t.contains("Drill update after the first crash"))
                .as("posted once per channel").hasSize((int) channelsWithIt);
        assertThat(now.postedTexts()).filteredOn(t -> t.contains("Slack crash drill · Minor")).hasSize(1);
    }

    private SlackStandIn.Posted summary(String channel) {
        return slack.messages(channel).stream().filter(m -> m.firebreakId() != null
                && m.firebreakId().endsWith(":summary")).findFirst().orElse(null);
    }

    /** The incident channel: the one the summary was posted to (the stand-in also holds earlier suites' channels). */
    private String channelOf() {
        return slack.channels().stream().filter(c -> c.startsWith("C") && slack.messages(c).stream()
                .anyMatch(m -> m.text() != null && m.text().contains(SUMMARY))).findFirst().orElse(null);
    }

    private String post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.url("incident-command") + path))
                .header("Authorization", "Bearer " + TestStack.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isBetween(200, 299);
        return response.body();
    }

    private static String match(String body) {
        Matcher matcher = ID.matcher(body);
        assertThat(matcher.find()).as("an id in " + body).isTrue();
        return matcher.group(1);
    }
}
