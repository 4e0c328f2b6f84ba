package io.firebreak.deploy.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.deploy.testing.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 15, item 6, on the stack as {@code ./firebreak-local} runs it: a Slack stand-in kills notification-service
 * (the launcher's kill -9) right after it accepted a chat.postMessage and before it answers, twice (the pinned
 * summary, then an update). The supervisor restarts the service, which finds each post by the Firebreak message id
 * in its metadata instead of posting it again: every message is in the channel exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackCrashDrillIT {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private SlackCrashStandIn slack;
    private TestStack stack;

    @BeforeAll
    void startStack() throws Exception {
        slack = new SlackCrashStandIn();
        stack = TestStack.start(24000, Map.of("FIREBREAK_SLACK_BOT_TOKEN", "xoxb-drill",
                "FIREBREAK_SLACK_API_URL", slack.apiUrl()));
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (slack != null) {
            slack.close();
        }
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
        // the pinned summary's notification text is the only post with "· Lead:"
        slack.killAfterPosting("Slack crash drill · Minor · Investigating · Lead:", kill);
        String id = match(post("/api/v1/incidents", """
                {"title": "Slack crash drill", "severity": "MINOR", "affectedServices": ["search"]}"""));
        await().atMost(Duration.ofSeconds(60)).until(() -> slack.kills() == 1);
        stack.stack().restart("notification-service");

        String channel = await().atMost(Duration.ofSeconds(120)).until(this::channelOf, Objects::nonNull);
        await().atMost(Duration.ofSeconds(120)).until(() -> summary(channel) != null
                && slack.isPinned(channel, summary(channel).ts()));

        slack.killAfterPosting("Drill update after the first crash", kill);
        post("/api/v1/incidents/" + id + "/updates", """
                {"audience": "INTERNAL", "whatIsHappening": "Drill update after the first crash",
                 "nextUpdateInMinutes": 30}""");
        await().atMost(Duration.ofSeconds(60)).until(() -> slack.kills() == 2);
        stack.stack().restart("notification-service");
        post("/api/v1/incidents/" + id + "/updates", """
                {"audience": "INTERNAL", "whatIsHappening": "Drill update after the second crash",
                 "nextUpdateInMinutes": 30}""");
        await().atMost(Duration.ofSeconds(120)).until(() -> slack.messages(channel).stream()
                .anyMatch(m -> m.text().contains("Drill update after the second crash")));

        List<SlackCrashStandIn.Posted> held = slack.messages(channel);
        assertThat(held).extracting(SlackCrashStandIn.Posted::firebreakId).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(held).filteredOn(m -> m.firebreakId().endsWith(":summary")).hasSize(1);
        assertThat(held).filteredOn(m -> m.text().contains("Drill update after the first crash")).hasSize(1);
        // the update is also broadcast to #incidents: every channel holds it once, however many posts were attempted
        for (String any : slack.channels()) {
            assertThat(slack.messages(any)).filteredOn(m -> m.text().contains("Drill update after the first crash"))
                    .as("in %s: found after the restart, not posted again", any).hasSizeLessThanOrEqualTo(1);
        }
        long channelsWithIt = slack.channels().stream().filter(any -> slack.messages(any).stream()
                .anyMatch(m -> m.text().contains("Drill update after the first crash"))).count();
        assertThat(slack.postedTexts()).filteredOn(t -> t.contains("Drill update after the first crash"))
                .as("posted once per channel").hasSize((int) channelsWithIt);
        assertThat(slack.postedTexts()).filteredOn(t -> t.contains("Slack crash drill · Minor")).hasSize(1);
    }

    private SlackCrashStandIn.Posted summary(String channel) {
        return slack.messages(channel).stream().filter(m -> m.firebreakId() != null
                && m.firebreakId().endsWith(":summary")).findFirst().orElse(null);
    }

    /** The incident channel: the one the summary was posted to. */
    private String channelOf() {
        return slack.channels().stream().filter(c -> c.startsWith("C")).findFirst().orElse(null);
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
