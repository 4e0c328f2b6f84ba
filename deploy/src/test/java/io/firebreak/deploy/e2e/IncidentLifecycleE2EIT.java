package io.firebreak.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.deploy.testing.SharedStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scenario against the stack exactly as {@code ./firebreak-local} runs it: zonky PostgreSQL and a KRaft broker
 * process, one instance of every service. Runs first on the {@link SharedStack}.
 */
@ExtendWith(SharedStack.class)
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncidentLifecycleE2EIT extends SeedsScenario {

    /** Avery is in the directory as avery@example.com; Slack's users.info (the stand-in) says the same. */
    private static final String AVERY = "UAVERY";

    @Override
    boolean onSharedStack() {
        return true;
    }

    /**
     * Issue 15's "done when": one person runs a Critical from Slack alone — declare (modal), lead, update (modal),
     * status, page an expert, resolve, close after the debrief — and every change is recorded as that person.
     */
    @Test
    @Order(Order.DEFAULT + 1)
    void anIncidentRunFromSlackAlone() throws Exception {
        String title = "Slack-only " + UUID.randomUUID().toString().substring(0, 8) + ": checkout errors";
        String notification = notification();

        // /inc declare in #incidents opens the modal; submitting it declares
        int opened = slack.calls("views.open").size();
        SlackRequests.post(notification, SlackRequests.slashCommand("CINCIDENTS", "incidents", AVERY, "declare"));
        JsonNode declareView = openedView(opened);
        assertThat(declareView.path("callback_id").asText()).isEqualTo("firebreak_declare");
        ObjectNode values = JSON.createObjectNode();
        SlackRequests.text(values, "title", title);
        SlackRequests.select(values, "severity", "CRITICAL");
        SlackRequests.text(values, "summary", "Checkout answers 502 to a third of requests");
        SlackRequests.select(values, "customer_impact", "yes");
        SlackRequests.multiSelect(values, "affected_services", "checkout");
        SlackRequests.post(notification, SlackRequests.viewSubmission(AVERY, "firebreak_declare",
                declareView.path("private_metadata").asText(), values));

        JsonNode incident = await().atMost(Duration.ofSeconds(60)).until(() -> byTitle(title), found -> found != null);
        String id = incident.path("id").asText();
        assertThat(incident.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(incident.path("source").asText()).isEqualTo("SLACK");
        String channel = await().atMost(Duration.ofSeconds(60))
                .until(() -> slack.channelId(incident.path("channelName").asText()), found -> found != null);
        String channelName = incident.path("channelName").asText();
        // people type in the channel once Firebreak has posted its summary there (the channel is known to it by then)
        await().atMost(Duration.ofSeconds(60)).until(() -> slack.calls("chat.postMessage").stream()
                .anyMatch(call -> channel.equals(call.params().get("channel"))));

        // in the incident's channel
        inChannel(channel, channelName, "lead <@" + AVERY + "|avery>");
        awaitIncident(id, view -> view.path("roles").toString().contains("avery"));
        opened = slack.calls("views.open").size();
        inChannel(channel, channelName, "update");
        JsonNode updateView = openedView(opened);
        ObjectNode update = JSON.createObjectNode();
        SlackRequests.text(update, "what_is_happening", "Checkout answers 502 to a third of requests");
        SlackRequests.text(update, "who_is_affected", "Customers paying by card");
        SlackRequests.text(update, "what_we_are_doing", "Rolling back release 42");
        SlackRequests.select(update, "audience", "INTERNAL");
        SlackRequests.post(notification, SlackRequests.viewSubmission(AVERY, "firebreak_update",
                updateView.path("private_metadata").asText(), update));
        awaitIncident(id, view -> !view.path("latestUpdate").isMissingNode() && !view.path("latestUpdate").isNull());
        inChannel(channel, channelName, "status fixing");
        awaitIncident(id, view -> view.path("status").asText().equals("FIXING"));
        inChannel(channel, channelName, "note decision Roll back release 42");
        inChannel(channel, channelName, "page <@UBLAKE|blake>");
        await().atMost(Duration.ofSeconds(60)).until(() -> pages(id).toString().contains("blake"));
        inChannel(channel, channelName, "status monitoring");
        awaitIncident(id, view -> view.path("status").asText().equals("MONITORING"));
        inChannel(channel, channelName, "resolve Rolled back release 42; error rate normal");
        awaitIncident(id, view -> view.path("status").asText().equals("RESOLVED"));

        // a Critical closes only after its debrief: refused from Slack (told ephemerally), then closed
        int ephemerals = slack.calls("chat.postEphemeral").size();
        inChannel(channel, channelName, "close");
        await().atMost(Duration.ofSeconds(60)).until(() -> slack.calls("chat.postEphemeral").stream().skip(ephemerals)
                .anyMatch(call -> call.params().getOrDefault("text", "").contains("debrief")));
        await().atMost(Duration.ofSeconds(60)).until(() -> debriefKnows(id));
        put(debrief() + "/api/v1/incidents/" + id + "/debrief/sections/risks-and-learnings",
                "{\"text\": \"Release 42 shipped without a canary.\"}");
        put(debrief() + "/api/v1/incidents/" + id + "/debrief/sections/contributors",
                "{\"text\": \"Release 42 changed the payment client's timeout.\"}");
        post(debrief() + "/api/v1/incidents/" + id + "/follow-ups", "{\"title\": \"Canary every release\","
                + " \"owner\": \"Avery\", \"dueDate\": \"2030-01-31\"}", 201);
        post(debrief() + "/api/v1/incidents/" + id + "/debrief/complete", "{}", 200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            inChannel(channel, channelName, "close");
            return get(command() + "/api/v1/incidents/" + id).path("status").asText().equals("CLOSED");
        });

        // every change made in Slack is recorded as the person in Slack
        List<String> actors = new ArrayList<>();
        for (JsonNode event : get(command() + "/api/v1/incidents/" + id + "/events")) {
            if (!event.path("type").asText().equals("AlertAttached")) {
                actors.add(event.path("type").asText() + " by " + event.path("actor").path("id").asText());
            }
        }
        assertThat(actors).isNotEmpty().allSatisfy(actor -> assertThat(actor).endsWith(" by avery"));
        assertThat(actors).anySatisfy(a -> assertThat(a).startsWith("IncidentDeclared"))
                .anySatisfy(a -> assertThat(a).startsWith("UpdatePosted"))
                .anySatisfy(a -> assertThat(a).startsWith("IncidentResolved"))
                .anySatisfy(a -> assertThat(a).startsWith("IncidentClosed"));
    }

    private void inChannel(String channel, String channelName, String text) throws Exception {
        SlackRequests.post(notification(), SlackRequests.slashCommand(channel, channelName, AVERY, text));
    }

    private JsonNode openedView(int before) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("views.open").size() > before);
        return JSON.readTree(slack.calls("views.open").get(before).params().get("view"));
    }

    private JsonNode byTitle(String title) throws Exception {
        for (JsonNode incident : get(command() + "/api/v1/incidents?open=true&size=200").path("items")) {
            if (incident.path("title").asText().equals(title)) {
                return incident;
            }
        }
        return null;
    }

    private void awaitIncident(String id, java.util.function.Predicate<JsonNode> condition) {
        await().atMost(Duration.ofSeconds(60)).until(() -> condition.test(get(command() + "/api/v1/incidents/" + id)));
    }

    private boolean debriefKnows(String id) {
        try {
            return !text(debrief() + "/api/v1/incidents/" + id + "/debrief").isBlank();
        } catch (AssertionError | Exception notYet) {
            return false;
        }
    }
}
