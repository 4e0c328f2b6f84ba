package io.firebreak.notification.slackapp;

import io.firebreak.notification.domain.SlackIds;
import static io.firebreak.notification.support.SlackRequests.interaction;
import static io.firebreak.notification.support.SlackRequests.slashCommand;
import static io.firebreak.notification.support.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.firebreak.notification.support.Api;
import io.firebreak.notification.support.FakeSlack;
import io.firebreak.notification.support.IncidentCommandSide;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.notification.support.Paging;
import io.firebreak.notification.support.SlackRequests;
import io.firebreak.schemas.command.AddNoteRequest;
import io.firebreak.notification.support.SlackMessages;
import io.firebreak.schemas.command.AssignRoleRequest;
import io.firebreak.schemas.command.AttachVideoBridgeRequest;
import io.firebreak.schemas.command.IdentifyCauseRequest;
import io.firebreak.schemas.command.RecordContainmentStepRequest;
import io.firebreak.schemas.incident.ContainmentLever;
import io.firebreak.schemas.incident.ContainmentOutcome;
import io.firebreak.schemas.incident.ExposureKind;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.command.ChangeSeverityRequest;
import io.firebreak.schemas.command.CommandOutcome;
import io.firebreak.schemas.command.DeclareIncidentRequest;
import io.firebreak.schemas.command.IncidentCommandRequested;
import io.firebreak.schemas.command.PostUpdateRequest;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.paging.PageAcknowledged;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.support.testing.SecretSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Slack inbound through the real endpoint: recorded payloads in Slack's formats, signed with the test secret; the
 * commands they cause read back from {@code firebreak.incident-commands} (this test plays incident-command), answers
 * produced on {@code firebreak.incident-command-results} and told with {@code chat.postEphemeral} by the Slack
 * stand-in.
 */
@NotificationIntegrationTest
class SlackInboundIT {

    static final String GENERAL = "C0GENERAL";

    @Autowired
    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    IncidentCommandSide commands;
    final List<IncidentStory> stories = new ArrayList<>();

    @BeforeEach
    void start() {
        commands = new IncidentCommandSide(broker.getBrokersAsString());
        // users.info: one person known by e-mail only, one not in the directory at all
        FakeSlack.get().user("UEMMA", "emma.m", "em@example.com");
        FakeSlack.get().user("UZED", "Zed", null);
    }

    @AfterEach
    void stop() {
        commands.close();
        stories.forEach(IncidentStory::close);
    }

    /** An incident this service knows, with its Slack channel created: returns {incident id, channel id}. */
    String[] incidentChannel(Severity severity) {
        IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant());
        stories.add(story);
        story.declared("Card payments failing " + UUID.randomUUID().toString().substring(0, 6), severity, true,
                "payments");
        String channel = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT channel_id FROM slack_channel WHERE incident_id = ? AND channel_id IS NOT NULL", String.class,
                story.incidentId), ids -> !ids.isEmpty()).get(0);
        return new String[] {story.incidentId, channel};
    }

    IncidentCommandRequested awaitRequest(String incidentId, Class<?> type) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> commands.requestsFor(incidentId).stream()
                .filter(r -> type.isInstance(r.getCommand())).toList(), found -> !found.isEmpty()).get(0);
    }

    List<FakeSlack.Call> ephemerals(String channel, String user) {
        return FakeSlack.get().calls("chat.postEphemeral").stream()
                .filter(c -> channel.equals(c.params().get("channel")) && user.equals(c.params().get("user"))).toList();
    }

    @Test
    void declaringThroughTheModalAsksIncidentCommandAsTheSlackPerson() {
        int opened = FakeSlack.get().calls("views.open").size();
        SlackRequests.post(client, slashCommand(GENERAL, "UAVERY", "avery", "declare")).expectStatus().isOk();
        List<FakeSlack.Call> views = FakeSlack.get().calls("views.open");
        assertThat(views).hasSize(opened + 1);
        JsonObject view = JsonParser.parseString(views.get(views.size() - 1).params().get("view")).getAsJsonObject();
        assertThat(view.get("callback_id").getAsString()).isEqualTo(SlackIds.DECLARE_VIEW);

        String title = "Checkout 502s " + UUID.randomUUID();
        SlackRequests.post(client, interaction("view-submission-declare.json", values("USER", "UAVERY",
                "USER_NAME", "avery", "json:METADATA", view.get("private_metadata").getAsString(), "json:TITLE", title)))
                .expectStatus().isOk();

        IncidentCommandRequested request = await().atMost(Duration.ofSeconds(20)).until(() -> commands.requests()
                .stream().filter(r -> r.request().getCommand() instanceof DeclareIncidentRequest d
                        && d.getTitle().equals(title)).toList(), found -> !found.isEmpty()).get(0).request();
        DeclareIncidentRequest declare = (DeclareIncidentRequest) request.getCommand();
        assertThat(declare.getSeverity()).isEqualTo("MAJOR");
        assertThat(declare.getCustomerImpact()).isTrue();
        assertThat(declare.getAffectedServices()).containsExactly("checkout");
        assertThat(request.getActor().getId()).isEqualTo("avery");
        assertThat(request.getActor().getDisplayName()).isEqualTo("Avery");
        assertThat(request.getActor().getKind()).isEqualTo(ActorKind.HUMAN);
        assertThat(request.getSource()).isEqualTo(IncidentSource.SLACK);
        assertThat(commands.requests().stream().filter(r -> r.request().getCommandId().equals(request.getCommandId()))
                .map(IncidentCommandSide.Received::key)).containsExactly(request.getIncidentId());

        commands.answer(request, CommandOutcome.APPLIED, "INC-4242", null, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> ephemerals(GENERAL, "UAVERY").stream()
                .anyMatch(c -> c.params().get("text").contains("INC-4242") && c.params().get("text").contains("eclared")));
    }

    @Test
    void aModalWithoutTitleIsRefusedNamingTheBlock() {
        String body = SlackRequests.post(client, interaction("view-submission-declare.json", values("USER", "UAVERY",
                "USER_NAME", "avery", "json:METADATA", "{\"channel\":\"" + GENERAL + "\"}", "json:TITLE", " ")))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"response_action\":\"errors\"").contains("\"title\"");
    }

    @Test
    void updatingThroughTheModalAsksForPostUpdateAsThePersonFoundByEmail() {
        String[] incident = incidentChannel(Severity.MINOR);
        long next = SlackRequests.instant().plus(Duration.ofMinutes(30)).getEpochSecond();
        String metadata = "{\"channel\":\"" + incident[1] + "\",\"incident\":\"" + incident[0] + "\"}";
        SlackRequests.post(client, interaction("view-submission-update.json", values("USER", "UEMMA", "USER_NAME",
                "emma.m", "json:METADATA", metadata, "NEXT_UPDATE", next))).expectStatus().isOk();

        IncidentCommandRequested request = awaitRequest(incident[0], PostUpdateRequest.class);
        PostUpdateRequest update = (PostUpdateRequest) request.getCommand();
        assertThat(update.getWhatIsHappening()).isEqualTo("Payments to one acquirer time out");
        assertThat(update.getAudience()).isEqualTo(Audience.CUSTOMER);
        assertThat(update.getNextUpdateAt()).isEqualTo(Instant.ofEpochSecond(next));
        assertThat(request.getActor().getId()).as("mapped by the e-mail users.info gives").isEqualTo("em");

        String past = SlackRequests.post(client, interaction("view-submission-update.json", values("USER", "UEMMA",
                "USER_NAME", "emma.m", "json:METADATA", metadata, "NEXT_UPDATE",
                SlackRequests.instant().minus(Duration.ofHours(1)).getEpochSecond())))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(past).contains("\"response_action\":\"errors\"").contains("next_update_at");
    }

    @Test
    void theAcknowledgeButtonStopsTheEscalationAsTheSlackPerson() {
        String[] incident = incidentChannel(Severity.CRITICAL);
        try (KafkaConsumer<String, SpecificRecord> paging = Paging.consumer(broker.getBrokersAsString(), "slack-ack")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !Paging.pages(Api.asWriter(client), incident[0]).isEmpty());
            Map<String, Object> page = Paging.pages(Api.asWriter(client), incident[0]).get(0);
            SlackRequests.post(client, interaction("block-actions-button.json", values("USER", "UAVERY",
                    "USER_NAME", "avery", "ACTION", SlackIds.ACK_PAGE, "VALUE", page.get("pageId")))).expectStatus().isOk();

            assertThat(Paging.escalation(Api.asWriter(client), incident[0]).get("state")).isEqualTo("ACKNOWLEDGED");
            List<PageAcknowledged> acks = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                paging.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() instanceof PageAcknowledged ack && ack.getHeader().getIncidentId().equals(incident[0])) {
                        acks.add(ack);
                    }
                });
                return !acks.isEmpty();
            });
            assertThat(acks.get(0).getHeader().getActor().getId()).isEqualTo("avery");
            assertThat(acks.get(0).getHeader().getActor().getKind()).isEqualTo(ActorKind.HUMAN);
        }
    }

    @Test
    void theSummaryButtonsOpenTheirModalsForTheIncident() {
        String[] incident = incidentChannel(Severity.MINOR);
        for (String[] button : new String[][] {{SlackIds.POST_UPDATE, SlackIds.UPDATE_VIEW},
                {SlackIds.CHANGE_STATUS, SlackIds.STATUS_VIEW}, {SlackIds.ASSIGN_ROLES, SlackIds.ROLES_VIEW}}) {
            SlackRequests.post(client, interaction("block-actions-button.json", values("USER", "UAVERY",
                    "USER_NAME", "avery", "ACTION", button[0], "VALUE", incident[0]))).expectStatus().isOk();
            assertThat(FakeSlack.get().calls("views.open")).as(button[0]).anyMatch(c -> {
                JsonObject view = JsonParser.parseString(c.params().get("view")).getAsJsonObject();
                return view.get("callback_id").getAsString().equals(button[1])
                        && view.get("private_metadata").getAsString().contains(incident[0]);
            });
        }
    }

    @Test
    void theShortcutAddsTheMessageWithItsPermalinkAsANote() {
        String[] incident = incidentChannel(Severity.MINOR);
        String ts = "1764100200.000300";
        SlackRequests.post(client, interaction("message-action-add-to-timeline.json", values("USER", "UBLAKE",
                "USER_NAME", "blake", "CHANNEL", incident[1], "CHANNEL_NAME", "inc", "TS", ts,
                "json:TEXT", "p99 latency doubled right after deploy 4711"))).expectStatus().isOk();
        FakeSlack.Call open = await().atMost(Duration.ofSeconds(5)).until(() -> FakeSlack.get().calls("views.open")
                .stream().filter(c -> c.params().get("view").contains(SlackIds.TIMELINE_VIEW)
                        && c.params().get("view").contains(incident[0])).toList(), l -> !l.isEmpty()).get(0);
        String metadata = JsonParser.parseString(open.params().get("view")).getAsJsonObject().get("private_metadata")
                .getAsString();

        SlackRequests.post(client, interaction("view-submission-timeline-note.json", values("USER", "UBLAKE",
                "USER_NAME", "blake", "json:METADATA", metadata))).expectStatus().isOk();

        AddNoteRequest note = (AddNoteRequest) awaitRequest(incident[0], AddNoteRequest.class).getCommand();
        assertThat(note.getKind()).isEqualTo(NoteKind.EVIDENCE);
        assertThat(note.getText()).contains("p99 latency doubled right after deploy 4711")
                .contains("https://acme.slack.com/archives/" + incident[1] + "/p1764100200000300");
    }

    @Test
    void theShortcutRefusesAMessageWithASecretAndPublishesNothing() {
        String[] incident = incidentChannel(Severity.MINOR);
        int opened = FakeSlack.get().calls("views.open").size();
        String secret = SecretSamples.all().values().iterator().next();
        SlackRequests.post(client, interaction("message-action-add-to-timeline.json", values("USER", "UBLAKE",
                "USER_NAME", "blake", "CHANNEL", incident[1], "CHANNEL_NAME", "inc", "TS", "1764100300.000100",
                "json:TEXT", "use this: " + secret))).expectStatus().isOk();

        await().atMost(Duration.ofSeconds(5)).until(() -> ephemerals(incident[1], "UBLAKE").stream()
                .anyMatch(c -> c.params().get("text").contains("not added")));
        assertThat(FakeSlack.get().calls("views.open")).hasSize(opened);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> commands.requestsFor(incident[0]).isEmpty());
    }

    @Test
    void badStaleOrReplayedSignaturesAreRefusedAndNothingIsAsked() {
        String[] incident = incidentChannel(Severity.MINOR);
        String wrong = slashCommand(incident[1], "UAVERY", "avery", "note decision wrong signature");
        long now = SlackRequests.now();
        SlackRequests.post(client, wrong, now, SlackRequests.sign("not-the-secret", now, wrong))
                .expectStatus().isUnauthorized().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("X-Slack-Signature");
        SlackRequests.post(client, wrong, now, null).expectStatus().isUnauthorized();

        String stale = slashCommand(incident[1], "UAVERY", "avery", "note decision stale");
        long old = now - Duration.ofMinutes(10).toSeconds();
        SlackRequests.post(client, stale, old, SlackRequests.sign(SlackRequests.SECRET, old, stale))
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.field").isEqualTo("X-Slack-Request-Timestamp");

        String once = slashCommand(incident[1], "UAVERY", "avery", "note decision roll back");
        String signature = SlackRequests.sign(SlackRequests.SECRET, now, once);
        SlackRequests.post(client, once, now, signature).expectStatus().isOk();
        SlackRequests.post(client, once, now, signature).expectStatus().isUnauthorized();

        AddNoteRequest note = (AddNoteRequest) awaitRequest(incident[0], AddNoteRequest.class).getCommand();
        assertThat(note.getKind()).isEqualTo(NoteKind.DECISION);
        assertThat(note.getText()).isEqualTo("roll back");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> commands.requestsFor(incident[0]).size() == 1);
    }

    @Test
    void anUnknownSubcommandAnswersWithTheEphemeralHelp() {
        SlackRequests.post(client, slashCommand(GENERAL, "UAVERY", "avery", "frobnicate now")).expectStatus().isOk()
                .expectBody().jsonPath("$.response_type").isEqualTo("ephemeral")
                .jsonPath("$.text").value(text -> assertThat((String) text).contains("`frobnicate` is not an `/inc` command")
                        .contains("/inc declare"));
        SlackRequests.post(client, slashCommand(GENERAL, "UAVERY", "avery", "status fixing")).expectStatus().isOk()
                .expectBody().jsonPath("$.text").value(text -> assertThat((String) text).contains("incident channel"));
    }

    @Test
    void aRejectedCommandIsToldToThePersonWithTheProblemDetail() {
        String[] incident = incidentChannel(Severity.MINOR);
        SlackRequests.post(client, slashCommand(incident[1], "UAVERY", "avery", "sev critical")).expectStatus().isOk()
                .expectBody().jsonPath("$.response_type").isEqualTo("ephemeral");
        IncidentCommandRequested request = awaitRequest(incident[0], ChangeSeverityRequest.class);
        assertThat(((ChangeSeverityRequest) request.getCommand()).getSeverity()).isEqualTo("critical");

        commands.answer(request, CommandOutcome.REJECTED, null, "Rule violated",
                "Severity changes need a reason for a Critical incident");
        await().atMost(Duration.ofSeconds(20)).until(() -> ephemerals(incident[1], "UAVERY").stream()
                .anyMatch(c -> c.params().get("text").contains("Severity changes need a reason for a Critical incident")));
    }

    @Test
    void aRoleGoesToTheMentionedPersonEvenWhenNotInTheDirectory() {
        String[] incident = incidentChannel(Severity.MINOR);
        SlackRequests.post(client, slashCommand(incident[1], "UAVERY", "avery", "lead <@UZED|zed>"))
                .expectStatus().isOk();
        AssignRoleRequest assign = (AssignRoleRequest) awaitRequest(incident[0], AssignRoleRequest.class).getCommand();
        assertThat(assign.getRole()).isEqualTo(IncidentRole.INCIDENT_LEAD);
        assertThat(assign.getAssignee().getId()).isEqualTo("slack:UZED");
        assertThat(assign.getAssignee().getName()).isEqualTo("Zed");
        assertThat(assign.getAssignee().getSlackUserId()).isEqualTo("UZED");
    }

    // ---- issue 16

    @Test
    void theNewCommandsAskForContainmentTheCauseTheBridgeAndAnotherInvestigator() {
        String[] incident = incidentChannel(Severity.MAJOR);
        for (String text : List.of("contain flag contained checkout-v2 switched off",
                "identified the retry loop exhausts the pool", "bridge <https://meet.example.com/inc-7>",
                "investigator <@UZED|zed> --add")) {
            SlackRequests.post(client, slashCommand(incident[1], "UAVERY", "avery", text)).expectStatus().isOk()
                    .expectBody().jsonPath("$.text").value(t -> assertThat((String) t).as(text).contains("Asked for"));
        }
        RecordContainmentStepRequest step = (RecordContainmentStepRequest) awaitRequest(incident[0],
                RecordContainmentStepRequest.class).getCommand();
        assertThat(step.getLever()).isEqualTo(ContainmentLever.FEATURE_FLAG_OFF);
        assertThat(step.getOutcome()).isEqualTo(ContainmentOutcome.CONTAINED);
        assertThat(step.getNote()).isEqualTo("checkout-v2 switched off");
        assertThat(((IdentifyCauseRequest) awaitRequest(incident[0], IdentifyCauseRequest.class).getCommand())
                .getCause()).isEqualTo("the retry loop exhausts the pool");
        assertThat(((AttachVideoBridgeRequest) awaitRequest(incident[0], AttachVideoBridgeRequest.class).getCommand())
                .getUrl()).isEqualTo("https://meet.example.com/inc-7");
        IncidentCommandRequested joining = awaitRequest(incident[0], AssignRoleRequest.class);
        AssignRoleRequest assign = (AssignRoleRequest) joining.getCommand();
        assertThat(assign.getRole()).isEqualTo(IncidentRole.INVESTIGATION_OWNER);
        assertThat(assign.getJoining()).isTrue();
        assertThat(assign.getAssignee().getSlackUserId()).isEqualTo("UZED");
        assertThat(joining.getActor().getId()).isEqualTo("avery");

        // a plain http bridge and an unknown lever are refused where they were typed, and nothing is asked
        SlackRequests.post(client, slashCommand(incident[1], "UAVERY", "avery", "bridge http://meet.example.com/x"))
                .expectStatus().isOk().expectBody().jsonPath("$.text")
                .value(t -> assertThat((String) t).startsWith(":no_entry:").contains("https"));
        SlackRequests.post(client, slashCommand(incident[1], "UAVERY", "avery", "contain rollback contained"))
                .expectStatus().isOk().expectBody().jsonPath("$.text")
                .value(t -> assertThat((String) t).contains("flag, deploy, migration, data"));
        SlackRequests.post(client, slashCommand(incident[1], "UAVERY", "avery", "help")).expectStatus().isOk()
                .expectBody().jsonPath("$.text").value(t -> assertThat((String) t).contains("/inc contain",
                        "/inc identified", "/inc bridge", "--add"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> commands.requestsFor(incident[0]).size() == 4);
    }

    @Test
    void theDeclareModalAsksTypeDrillSuspectedExposureAndTheCall() {
        String title = "Card data in the logs " + UUID.randomUUID();
        String metadata = "{\"channel\":\"" + GENERAL + "\"}";
        String refused = SlackRequests.post(client, interaction("view-submission-declare-drill.json", values("USER",
                "UAVERY", "USER_NAME", "avery", "json:METADATA", metadata, "json:TITLE", title, "json:BRIDGE",
                "http://meet.example.com/drill"))).expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(refused).contains("\"response_action\":\"errors\"").contains("video_bridge_url");

        SlackRequests.post(client, interaction("view-submission-declare-drill.json", values("USER", "UAVERY",
                "USER_NAME", "avery", "json:METADATA", metadata, "json:TITLE", title, "json:BRIDGE",
                "https://meet.example.com/drill"))).expectStatus().isOk();
        DeclareIncidentRequest declare = (DeclareIncidentRequest) await().atMost(Duration.ofSeconds(20))
                .until(() -> commands.requests().stream().filter(r -> r.request().getCommand()
                        instanceof DeclareIncidentRequest d && d.getTitle().equals(title)).toList(),
                        found -> !found.isEmpty()).get(0).request().getCommand();
        assertThat(declare.getIncidentType()).isEqualTo(IncidentType.SECURITY);
        assertThat(declare.getDrill()).isTrue();
        assertThat(declare.getSuspectedExposure()).containsExactly(ExposureKind.CARD_DATA, ExposureKind.KEYS);
        assertThat(declare.getVideoBridgeUrl()).isEqualTo("https://meet.example.com/drill");
        assertThat(declare.getForce()).isFalse();

        List<FakeSlack.Call> views = FakeSlack.get().calls("views.open");
        SlackRequests.post(client, slashCommand(GENERAL, "UAVERY", "avery", "declare")).expectStatus().isOk();
        String view = FakeSlack.get().calls("views.open").get(views.size()).params().get("view");
        assertThat(view).contains("\"block_id\":\"incident_type\"", "\"block_id\":\"drill\"",
                "\"block_id\":\"suspected_exposure\"", "\"block_id\":\"video_bridge_url\"", "url_text_input",
                "checkboxes");
    }

    @Test
    void aPossibleDuplicateIsAnsweredWithItsCandidatesAndDeclareAnywayAsksAgainWithForceOnce() {
        String[] open = incidentChannel(Severity.MAJOR);
        String reference = jdbc.queryForObject("SELECT reference FROM incident WHERE incident_id = ?", String.class,
                open[0]);
        String title = "Card payments failing again " + UUID.randomUUID();
        SlackRequests.post(client, interaction("view-submission-declare.json", values("USER", "UAVERY", "USER_NAME",
                "avery", "json:METADATA", "{\"channel\":\"" + GENERAL + "\"}", "json:TITLE", title)))
                .expectStatus().isOk();
        IncidentCommandRequested first = await().atMost(Duration.ofSeconds(20)).until(() -> commands.requests()
                .stream().filter(r -> r.request().getCommand() instanceof DeclareIncidentRequest d
                        && d.getTitle().equals(title)).toList(), found -> !found.isEmpty()).get(0).request();
        assertThat(((DeclareIncidentRequest) first.getCommand()).getForce()).isFalse();
        // incident-command's PossibleDuplicates refusal, as CommandRejections turns it into an answer
        commands.answer(first, CommandOutcome.REJECTED, null, "Conflict", "This declaration resembles an open"
                + " incident on the same services: " + reference + " \"Card payments failing\" (MAJOR, INVESTIGATING)."
                + " Join it, declare with other words, or declare anyway (\"force\": true in the API, --force in the"
                + " CLI, Declare anyway in Slack)", "title");

        FakeSlack.Call answer = await().atMost(Duration.ofSeconds(20)).until(() -> ephemerals(GENERAL, "UAVERY")
                .stream().filter(c -> c.params().get("blocks") != null
                        && c.params().get("blocks").contains(first.getCommandId())).toList(), l -> !l.isEmpty()).get(0);
        assertThat(SlackMessages.buttons(answer.params().get("blocks")))
                .containsExactly(Map.entry(SlackIds.DECLARE_ANYWAY, first.getCommandId()));
        assertThat(SlackMessages.blockText(answer.params().get("blocks"))).contains("Not declared",
                "*" + reference + "* Card payments failing", "(Major, Investigating)", "<#" + open[1] + ">",
                "Declare anyway");

        SlackRequests.post(client, interaction("block-actions-button.json", values("USER", "UBLAKE", "USER_NAME",
                "blake", "ACTION", SlackIds.DECLARE_ANYWAY, "VALUE", first.getCommandId()))).expectStatus().isOk();
        SlackRequests.post(client, interaction("block-actions-button.json", values("USER", "UAVERY", "USER_NAME",
                "avery", "ACTION", SlackIds.DECLARE_ANYWAY, "VALUE", first.getCommandId()))).expectStatus().isOk();
        SlackRequests.post(client, interaction("block-actions-button.json", values("USER", "UAVERY", "USER_NAME",
                "avery.again", "ACTION", SlackIds.DECLARE_ANYWAY, "VALUE", first.getCommandId()))).expectStatus().isOk();

        IncidentCommandRequested forced = await().atMost(Duration.ofSeconds(20)).until(() -> commands
                .requestsFor(first.getIncidentId()).stream().filter(r -> !r.getCommandId().equals(first.getCommandId()))
                .toList(), l -> !l.isEmpty()).get(0);
        DeclareIncidentRequest again = (DeclareIncidentRequest) forced.getCommand();
        assertThat(again.getForce()).isTrue();
        assertThat(again.getTitle()).isEqualTo(title);
        assertThat(again.getAffectedServices()).containsExactly("checkout");
        assertThat(forced.getActor().getId()).as("the person who declared").isEqualTo("avery");
        assertThat(forced.getSource()).isEqualTo(IncidentSource.SLACK);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4))
                .until(() -> commands.requestsFor(first.getIncidentId()).size() == 2);
        assertThat(ephemerals("D0UAVERY", "UBLAKE")).anyMatch(c -> c.params().get("text").contains("no refused"));
        assertThat(ephemerals("D0UAVERY", "UAVERY")).anyMatch(c -> c.params().get("text").contains("being declared"));
    }

    @Test
    void pagingFromSlackPagesInProcessAsTheSlackPerson() {
        String[] incident = incidentChannel(Severity.MINOR);
        SlackRequests.post(client, slashCommand(incident[1], "UAVERY", "avery", "page <@UBLAKE|blake> need a DBA"))
                .expectStatus().isOk().expectBody().jsonPath("$.text")
                .value(text -> assertThat((String) text).contains("Paged Blake"));
        assertThat(Paging.pages(Api.asWriter(client), incident[0])).anyMatch(p -> "blake".equals(p.get("responderId")));
    }
}
